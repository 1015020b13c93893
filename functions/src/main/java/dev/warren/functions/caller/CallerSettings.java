package dev.warren.functions.caller;

import dev.warren.store.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the caller-authentication settings the template sets, once, at init. The mode has no
 * default: a function without {@value #MODE} fails its init rather than answering anyone.
 *
 * <ul>
 *   <li>{@value #MODE}: {@code mtls}, {@code basic} or {@code public} (required)</li>
 *   <li>{@value #SUBJECTS}: with {@code mtls}, the allowed client certificate subjects, separated by {@code |}</li>
 *   <li>{@value #SECRET_ID}: with {@code basic}, the Secrets Manager secret (name or ARN) holding
 *       {@code {"username": ..., "password": ...}}</li>
 * </ul>
 */
public final class CallerSettings {

    public static final String MODE = "WARREN_CALLER_AUTH";
    public static final String SUBJECTS = "WARREN_CLIENT_CERT_SUBJECTS";
    public static final String SECRET_ID = "WARREN_CALLER_SECRET_ID";

    private CallerSettings() {
    }

    /**
     * @param secrets the Secrets Manager store, built only for {@code basic}
     * @param secretTtl how long the shared secret is reused before it is read again
     * @throws IllegalStateException naming the variable that is missing or wrong
     */
    public static CallerAuthentication fromEnvironment(Map<String, String> env, Supplier<SecretStore> secrets,
                                                       Duration secretTtl) {
        String mode = env.getOrDefault(MODE, "").strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "mtls" -> {
                try {
                    yield MutualTlsCallers.subjects(env.getOrDefault(SUBJECTS, ""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(SUBJECTS + ": " + e.getMessage(), e);
                }
            }
            case "basic" -> {
                String id = env.getOrDefault(SECRET_ID, "").strip();
                if (id.isEmpty()) {
                    throw new IllegalStateException(SECRET_ID + " is not set: " + MODE
                            + "=basic needs the Secrets Manager secret holding the caller's user and password");
                }
                yield new BasicAuthCallers(new SecretsManagerSharedSecret(secrets.get(), id, secretTtl,
                        Clock.systemUTC()));
            }
            case "public" -> CallerAuthentication.publicAccess();
            default -> throw new IllegalStateException(MODE + " is " + (mode.isEmpty() ? "not set" : "'" + mode + "'")
                    + ": set it to mtls, basic or public (the template's CallerAuthentication)");
        };
    }
}
