package dev.warren.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Creates and verifies password hashes. Comparison is constant-time. New passwords use
 * PBKDF2-HMAC-SHA256 with {@link #DEFAULT_ITERATIONS} iterations (OWASP's 2023 figure for this
 * PRF); the count is stored in each hash, so raising it later keeps old hashes valid.
 */
public final class PasswordHasher {

    public static final int DEFAULT_ITERATIONS = 600_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    /** A new slow hash of the password with a random salt. */
    public PasswordHash hash(String password) {
        byte[] salt = new byte[Pbkdf2.SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = Pbkdf2.derive(password, salt, iterations, Pbkdf2.KEY_BYTES);
        return new PasswordHash(HashingAlgorithm.PBKDF2_SHA256,
                Base64.getEncoder().encodeToString(Pbkdf2.encode(iterations, salt, key)));
    }

    /**
     * A slow hash that no password verifies against, made without running the KDF: this hasher's
     * iteration count, a random salt and a random key. Verifying against it costs exactly what
     * verifying against a real hash of this cost does (the derivation runs in full; only the final
     * comparison fails), so it equalises the timing of refused logins, and building it is free,
     * which keeps key derivation off a function's init path.
     */
    public PasswordHash unverifiableHash() {
        byte[] salt = new byte[Pbkdf2.SALT_BYTES];
        byte[] key = new byte[Pbkdf2.KEY_BYTES];
        random.nextBytes(salt);
        random.nextBytes(key);
        return new PasswordHash(HashingAlgorithm.PBKDF2_SHA256,
                Base64.getEncoder().encodeToString(Pbkdf2.encode(iterations, salt, key)));
    }

    /** RabbitMQ's format: base64(salt ++ H(salt ++ utf8(password))). For imports and tests. */
    public static PasswordHash rabbitHash(HashingAlgorithm algorithm, byte[] salt, String password) {
        if (algorithm.digestName() == null) {
            throw new IllegalArgumentException(algorithm + " is not a RabbitMQ digest format");
        }
        byte[] digest = saltedDigest(algorithm, salt, password);
        byte[] out = Arrays.copyOf(salt, salt.length + digest.length);
        System.arraycopy(digest, 0, out, salt.length, digest.length);
        return new PasswordHash(algorithm, Base64.getEncoder().encodeToString(out));
    }

    /** True iff the password produces the stored hash. The empty password never matches. */
    public static boolean verify(String password, PasswordHash stored) {
        byte[] raw = stored.bytes();
        byte[] expected;
        byte[] actual;
        if (stored.algorithm() == HashingAlgorithm.PBKDF2_SHA256) {
            int storedIterations = java.nio.ByteBuffer.wrap(raw, 0, 4).getInt();
            if (storedIterations < 1) {
                return false;
            }
            byte[] salt = Arrays.copyOfRange(raw, 4, Pbkdf2.HEADER_BYTES);
            expected = Arrays.copyOfRange(raw, Pbkdf2.HEADER_BYTES, raw.length);
            actual = Pbkdf2.derive(password, salt, storedIterations, expected.length);
        } else {
            byte[] salt = Arrays.copyOfRange(raw, 0, 4);
            expected = Arrays.copyOfRange(raw, 4, raw.length);
            actual = saltedDigest(stored.algorithm(), salt, password);
        }
        boolean same = MessageDigest.isEqual(expected, actual);
        return same && !password.isEmpty();
    }

    private static byte[] saltedDigest(HashingAlgorithm algorithm, byte[] salt, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.digestName());
            digest.update(salt);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.digestName() + " unavailable", e);
        }
    }
}
