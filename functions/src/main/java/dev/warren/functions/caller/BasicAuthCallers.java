package dev.warren.functions.caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code CallerAuthentication=basic}: the request must carry {@code Authorization: Basic} with the
 * shared {@code user:password} (what RabbitMQ sends for {@code https://user:password@host/...}
 * URLs). Compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken does
 * not depend on how much of the secret a guess got right; the secret is read before the header is
 * looked at, so a missing header costs the same work as a wrong one.
 */
public final class BasicAuthCallers implements CallerAuthentication {

    /** Longest Authorization header looked at; longer ones are refused unread. */
    static final int MAX_HEADER_CHARS = 4096;
    private static final String SCHEME = "Basic ";

    private final SharedSecret secret;

    public BasicAuthCallers(SharedSecret secret) {
        this.secret = secret;
    }

    @Override
    public CallerVerdict check(CallerCredentials presented) {
        Optional<byte[]> expected = secret.digest();
        byte[] userPass = decode(presented.authorization());
        byte[] digest = Digests.sha256(userPass == null ? new byte[0] : userPass);
        if (expected.isEmpty()) {
            return CallerVerdict.SECRET_UNAVAILABLE;
        }
        boolean equal = MessageDigest.isEqual(expected.get(), digest);
        if (userPass == null) {
            return CallerVerdict.NO_CREDENTIALS;
        }
        return equal ? CallerVerdict.PASSED : CallerVerdict.WRONG_CREDENTIALS;
    }

    /** {@code user:password} bytes of a Basic header, or null when there is none or it is not Basic. */
    static byte[] decode(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER_CHARS
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return new byte[0]; // present but not base64: wrong credentials, not missing ones
        }
    }

    @Override
    public String mode() {
        return "basic";
    }

    /** Where the expected {@code user:password} comes from; only its digest leaves it. */
    public interface SharedSecret {

        /** SHA-256 of the UTF-8 {@code user:password}, or empty when it cannot be read now. */
        Optional<byte[]> digest();

        /** A secret known up front ({@code warren serve --basic-auth-secret-file}). */
        static SharedSecret fixed(String userColonPassword) {
            if (userColonPassword == null || userColonPassword.indexOf(':') <= 0) {
                throw new IllegalArgumentException("the caller secret must be user:password (non-empty user, no ':' in it)");
            }
            byte[] digest = Digests.sha256(userColonPassword);
            return () -> Optional.of(digest.clone());
        }
    }
}
