package dev.warren.service;

import dev.warren.cache.LruMap;
import dev.warren.password.PasswordHash;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Remembers passwords that verified, so repeated logins skip the slow hash. An entry is
 * HMAC-SHA256, under a random key made per instance, of the username, the password and the stored
 * hash: the plaintext is never kept, and a changed hash (new password) never matches an old entry.
 * Bounded; the least recently used entry goes first.
 */
public final class CredentialCache implements InstanceSecrets {

    private final long ttl;
    private final LongSupplier nanos;
    private final KeyedDigest digest = new KeyedDigest();
    private final LruMap<String, Long> verifiedAt;

    public CredentialCache(Duration ttl, int maxEntries, LongSupplier nanos) {
        this.ttl = ttl.toNanos();
        this.nanos = nanos;
        this.verifiedAt = new LruMap<>(maxEntries);
    }

    public CredentialCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** A cache that remembers nothing. */
    public static CredentialCache disabled() {
        return new CredentialCache(Duration.ZERO, 1);
    }

    /** True iff this password verified against this very hash less than the TTL ago. */
    public boolean isVerified(String username, String password, PasswordHash hash) {
        if (ttl <= 0) {
            return false;
        }
        Long at = verifiedAt.get(tag(username, password, hash));
        return at != null && nanos.getAsLong() - at < ttl;
    }

    public void rememberVerified(String username, String password, PasswordHash hash) {
        if (ttl > 0) {
            verifiedAt.put(tag(username, password, hash), nanos.getAsLong());
        }
    }

    /** A new key; every remembered verification is forgotten. */
    @Override
    public void reseed() {
        digest.reseed();
        verifiedAt.clear();
    }

    /** The key of one entry (package-private: tests compare keys across reseeds and instances). */
    String tag(String username, String password, PasswordHash hash) {
        return digest.of(username, password, hash);
    }
}
