package dev.warren.password;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256 from the JDK, the slow KDF for passwords set through warren. */
final class Pbkdf2 {

    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;
    /** 4-byte iteration count, then the salt. */
    static final int HEADER_BYTES = 4 + SALT_BYTES;

    private Pbkdf2() {
    }

    static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] encode(int iterations, byte[] salt, byte[] key) {
        return ByteBuffer.allocate(4 + salt.length + key.length).putInt(iterations).put(salt).put(key).array();
    }
}
