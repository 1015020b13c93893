package dev.warren.service;

import dev.warren.password.PasswordHash;
import dev.warren.service.PasswordVerifier.Outcome;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Runs a verification once for everyone asking the same question at the same time: while a
 * (user, password, hash) verification is running, the same login arriving on other connections
 * waits for its outcome instead of queueing a slow hash of its own. A client fleet that reconnects
 * at once with one stale password (or an attacker repeating one guess in parallel) costs one key
 * derivation, not one per connection, and cannot fill the verification queue with copies.
 *
 * <p>The username is part of the key, so two names never share a verification: an unknown name and
 * an existing one with a wrong password are coalesced alike, and timing still tells nothing about
 * which names exist. Keys are HMACs under a per-instance key ({@link KeyedDigest}); no plaintext is
 * kept, and an entry lives only while its verification runs (memory bounded by the requests in
 * flight). Nothing is remembered afterwards: that is what {@link CredentialCache} and
 * {@link RefusalCache} are for.
 */
final class InFlightVerifications implements InstanceSecrets {

    private final PasswordVerifier verifier;
    private final KeyedDigest digest = new KeyedDigest();
    private final ConcurrentHashMap<String, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();

    InFlightVerifications(PasswordVerifier verifier) {
        this.verifier = verifier;
    }

    /** The outcome of verifying {@code password} against {@code hash} for {@code username}. */
    Outcome verify(String username, String password, PasswordHash hash) {
        String key = digest.of(username, password, hash);
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            Outcome outcome = verifier.verify(password, hash);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** Verifications running now (each may have several waiting for it). */
    int running() {
        return running.size();
    }

    /** A new key: verifications started before it are not joined by later ones. */
    @Override
    public void reseed() {
        digest.reseed();
    }

    /** Shares another request's outcome; a failure there is a failure here too. */
    private static Outcome await(CompletableFuture<Outcome> theirs) {
        try {
            return theirs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.OVERLOADED;
        } catch (CancellationException e) {
            return Outcome.OVERLOADED;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
