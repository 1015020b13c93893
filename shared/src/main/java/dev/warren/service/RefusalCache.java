package dev.warren.service;

import dev.warren.cache.LruMap;
import dev.warren.password.PasswordHash;
import dev.warren.policy.Cause;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Remembers (user, password) pairs that were refused after a verification, so a client retrying a
 * stale password is refused again without another slow hash. Keyed like {@link CredentialCache}:
 * HMAC under a per-instance key of the username, the password and the stored hash (none for an
 * unknown user), so no plaintext is kept and a new password set for the user never matches an old
 * refusal. Unknown users and wrong passwords are remembered alike, so a repeat costs the same for
 * both. Bounded; least recently used first.
 */
public final class RefusalCache implements InstanceSecrets {

    private record Refusal(Cause cause, long at) {
    }

    private final long ttl;
    private final LongSupplier nanos;
    private final KeyedDigest digest = new KeyedDigest();
    private final LruMap<String, Refusal> refused;

    public RefusalCache(Duration ttl, int maxEntries, LongSupplier nanos) {
        this.ttl = ttl.toNanos();
        this.nanos = nanos;
        this.refused = new LruMap<>(maxEntries);
    }

    public RefusalCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** A cache that remembers nothing. */
    public static RefusalCache disabled() {
        return new RefusalCache(Duration.ZERO, 1);
    }

    /** The cause of a refusal of this very pair less than the TTL ago, if any. */
    public Optional<Cause> refusedRecently(String username, String password, Optional<PasswordHash> hash) {
        if (ttl <= 0) {
            return Optional.empty();
        }
        Refusal r = refused.get(tag(username, password, hash));
        return r != null && nanos.getAsLong() - r.at < ttl ? Optional.of(r.cause) : Optional.empty();
    }

    public void remember(String username, String password, Optional<PasswordHash> hash, Cause cause) {
        if (ttl > 0) {
            refused.put(tag(username, password, hash), new Refusal(cause, nanos.getAsLong()));
        }
    }

    /** A new key; every remembered refusal is forgotten. */
    @Override
    public void reseed() {
        digest.reseed();
        refused.clear();
    }

    private String tag(String username, String password, Optional<PasswordHash> hash) {
        return hash.map(h -> digest.of(username, password, h))
                .orElseGet(() -> digest.of(username, password));
    }
}
