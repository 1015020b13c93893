package dev.warren.password;

import java.util.Optional;

/**
 * Password hash formats: RabbitMQ's three salted digests, exactly as {@code rabbitmqctl
 * export_definitions} writes them, and warren's slow KDF for passwords set through warren.
 */
public enum HashingAlgorithm {
    SHA256("rabbit_password_hashing_sha256", "SHA-256"),
    SHA512("rabbit_password_hashing_sha512", "SHA-512"),
    MD5("rabbit_password_hashing_md5", "MD5"),
    /** PBKDF2-HMAC-SHA256; hash = base64(4-byte iterations ++ 16-byte salt ++ 32-byte key). */
    PBKDF2_SHA256("warren_password_hashing_pbkdf2_sha256", null);

    /** RabbitMQ's default when {@code hashing_algorithm} is missing. */
    public static final HashingAlgorithm DEFAULT = SHA256;

    private final String definitionsName;
    private final String digestName;

    HashingAlgorithm(String definitionsName, String digestName) {
        this.definitionsName = definitionsName;
        this.digestName = digestName;
    }

    /** The name used in definitions files ({@code hashing_algorithm}) and in secrets. */
    public String definitionsName() {
        return definitionsName;
    }

    /** True for the key-derivation function, false for RabbitMQ's fast salted digests. */
    public boolean isSlow() {
        return digestName == null;
    }

    /** JCA digest name of a RabbitMQ salted-digest format; null for the KDF. */
    String digestName() {
        return digestName;
    }

    public static Optional<HashingAlgorithm> fromDefinitionsName(String name) {
        for (HashingAlgorithm a : values()) {
            if (a.definitionsName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
