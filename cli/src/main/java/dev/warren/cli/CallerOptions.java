package dev.warren.cli;

import dev.warren.functions.caller.BasicAuthCallers;
import dev.warren.functions.caller.CallerAuthentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Who may ask {@code warren serve}: anyone (the default, for a server on loopback), or with an HTTP
 * Basic shared secret only callers that send it, as the functions do with
 * {@code CallerAuthentication=basic}. The secret comes from a file or the environment, never from
 * an argument (arguments are visible to every user of the machine).
 */
public final class CallerOptions {

    /** Environment variable holding {@code user:password}. */
    public static final String SECRET_ENV = "WARREN_BASIC_AUTH_SECRET";

    @Option(names = "--basic-auth-secret-file", paramLabel = "FILE",
            description = "Answer only callers that send HTTP Basic user:password equal to FILE's first line"
                    + " (or set " + SECRET_ENV + "=user:password).")
    Path secretFile;

    /**
     * @throws IllegalArgumentException when both sources are given, the file cannot be read, or the
     *         secret is not {@code user:password}
     */
    public CallerAuthentication callers(Map<String, String> env) {
        String fromEnv = env.get(SECRET_ENV);
        if (secretFile != null && fromEnv != null) {
            throw new IllegalArgumentException("give --basic-auth-secret-file or " + SECRET_ENV + ", not both");
        }
        String secret = fromEnv;
        if (secretFile != null) {
            try {
                secret = Files.readString(secretFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --basic-auth-secret-file " + secretFile + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
        if (secret == null) {
            return CallerAuthentication.publicAccess();
        }
        try {
            return new BasicAuthCallers(BasicAuthCallers.SharedSecret.fixed(secret));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((secretFile != null ? secretFile.toString() : SECRET_ENV) + ": "
                    + e.getMessage(), e);
        }
    }
}
