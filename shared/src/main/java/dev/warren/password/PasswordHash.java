package dev.warren.password;

import java.util.Base64;
import java.util.Objects;

/**
 * A stored password hash: the algorithm and the base64 text as in a definitions file. The
 * text is checked for shape on construction so that a corrupt secret is caught where it is read.
 */
public record PasswordHash(HashingAlgorithm algorithm, String encoded) {

    private static final int SALT_BYTES = 4;

    public PasswordHash {
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(encoded);
        byte[] raw = decodeBase64(encoded);
        int minimum = algorithm == HashingAlgorithm.PBKDF2_SHA256 ? Pbkdf2.HEADER_BYTES + 1 : SALT_BYTES + 1;
        if (raw.length < minimum) {
            throw new IllegalArgumentException("password hash is too short for " + algorithm.definitionsName());
        }
    }

    /**
     * Reads the pair as found in definitions or secrets; a missing algorithm means RabbitMQ's
     * default (SHA-256).
     *
     * @throws IllegalArgumentException for an unknown algorithm or a malformed hash
     */
    public static PasswordHash of(String algorithmName, String encoded) {
        HashingAlgorithm algorithm = algorithmName == null || algorithmName.isEmpty()
                ? HashingAlgorithm.DEFAULT
                : HashingAlgorithm.fromDefinitionsName(algorithmName).orElseThrow(
                        () -> new IllegalArgumentException("unknown hashing algorithm '" + algorithmName + "'"));
        return new PasswordHash(algorithm, encoded);
    }

    byte[] bytes() {
        return decodeBase64(encoded);
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm.definitionsName() + "]";
    }
}
