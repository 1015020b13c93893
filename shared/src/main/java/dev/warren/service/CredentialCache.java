package dev.warren.service;

import dev.warren.password.PasswordHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers passwords that verified, so repeated logins skip the slow hash. An entry is
 * HMAC-SHA256, under a random key made per process, of the username, the password and the stored
 * hash: the plaintext is never kept, and a changed hash (new password) never matches an old entry.
 * The key is a per-instance secret: {@link #reseed()} replaces it (after a SnapStart restore).
 */
public final class CredentialCache implements InstanceSecrets {

    private final long ttl;
    private final int maxEntries;
    private final LongSupplier nanos;
    private volatile SecretKeySpec key;
    private final Map<String, Long> verifiedAt = new ConcurrentHashMap<>();

    public CredentialCache(Duration ttl, int maxEntries, LongSupplier nanos) {
        this.ttl = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanos = nanos;
        this.key = newKey();
    }

    private static SecretKeySpec newKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new HMAC key; entries made under the old one are forgotten (they could never match again). */
    @Override
    public void reseed() {
        key = newKey();
        verifiedAt.clear();
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
        if (ttl <= 0) {
            return;
        }
        long now = nanos.getAsLong();
        if (verifiedAt.size() >= maxEntries) {
            verifiedAt.values().removeIf(at -> now - at >= ttl);
            Iterator<String> it = verifiedAt.keySet().iterator();
            for (int drop = verifiedAt.size() - maxEntries + Math.max(1, maxEntries / 10); drop > 0 && it.hasNext(); drop--) {
                it.next();
                it.remove();
            }
        }
        verifiedAt.put(tag(username, password, hash), now);
    }

    String tag(String username, String password, PasswordHash hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {username, password, hash.algorithm().definitionsName(), hash.encoded()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
