package dev.warren.service;

import dev.warren.password.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, under a random key made per instance, of a list of strings (each length-prefixed, so
 * no two lists collide): how the credential caches key a (user, password) pair without keeping the
 * plaintext. {@link #reseed()} makes a new key (after a SnapStart restore).
 *
 * <p>A Mac initialised with the key is made once per key and cloned for each digest: looking up
 * the provider and initialising the key on every login cost more than the HMAC itself.
 */
final class KeyedDigest {

    private volatile Mac keyed = newKeyedMac();

    /** The digest of a login against a stored hash: username, password, the hash's algorithm and its encoding. */
    String of(String username, String password, PasswordHash hash) {
        return of(username, password, hash.algorithm().definitionsName(), hash.encoded());
    }

    String of(String... parts) {
        Mac mac = copy(keyed);
        byte[] length = new byte[4];
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            length[0] = (byte) (n >>> 24);
            length[1] = (byte) (n >>> 16);
            length[2] = (byte) (n >>> 8);
            length[3] = (byte) n;
            mac.update(length);
            mac.update(bytes);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    void reseed() {
        keyed = newKeyedMac();
    }

    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }

    private static Mac newKeyedMac() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
