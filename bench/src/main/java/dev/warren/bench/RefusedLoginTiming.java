package dev.warren.bench;

import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Decision;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.service.CredentialCache;
import dev.warren.service.LoginDefences;
import dev.warren.service.LoginThrottle;
import dev.warren.service.RefusalCache;
import dev.warren.service.VerificationPool;
import dev.warren.store.InMemoryStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Timing of refused logins through the decision service, as the user function runs them: one
 * verification thread (a Lambda instance answers one request at a time), the default PBKDF2 cost.
 * Prints the first refusal (cold JIT), then interleaved samples of an unknown user, a wrong password
 * for a PBKDF2 user and for a RabbitMQ SHA-256 user (each with a new password, so every one pays a
 * verification), and a repeated stale password (answered by the refusal cache).
 *
 * <pre>java [JIT flags] -cp warren-bench.jar dev.warren.bench.RefusedLoginTiming [SAMPLES]</pre>
 */
public final class RefusedLoginTiming {

    private static final String DEFINITIONS = """
            {"users": [
              {"name": "kdf", "password_hash": "%s", "hashing_algorithm": "warren_password_hashing_pbkdf2_sha256", "tags": []},
              {"name": "rabbit", "password_hash": "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR", "tags": []}],
             "vhosts": [{"name": "/"}], "permissions": []}
            """;

    private RefusedLoginTiming() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        PasswordHasher hasher = new PasswordHasher();
        String definitions = DEFINITIONS.formatted(hasher.hash("right").encoded());
        InMemoryStore store = new InMemoryStore(DefinitionsReader.parse(definitions));
        AuthService service = AuthServices.over(store, store, hasher, new LoginDefences(new VerificationPool(1, 4),
                new CredentialCache(Duration.ofMinutes(5), 1000), new RefusalCache(Duration.ofHours(1), 1000),
                LoginThrottle.NONE));
        long first = time(service, "nobody", "first");
        System.out.printf("first refused login (cold): %.1f ms%n", first / 1e6);
        long[] unknown = new long[samples];
        long[] wrongKdf = new long[samples];
        long[] wrongRabbit = new long[samples];
        long[] repeated = new long[samples];
        time(service, "kdf", "stale");
        for (int i = 0; i < samples; i++) {
            unknown[i] = time(service, "nobody", "guess-" + i);
            wrongKdf[i] = time(service, "kdf", "guess-" + i);
            wrongRabbit[i] = time(service, "rabbit", "guess-" + i);
            repeated[i] = time(service, "kdf", "stale");
        }
        report("unknown user", unknown);
        report("wrong password, PBKDF2 user", wrongKdf);
        report("wrong password, SHA-256 user", wrongRabbit);
        report("same wrong password again", repeated);
    }

    private static long time(AuthService service, String user, String password) {
        long start = System.nanoTime();
        Decision d = service.decide(new UserRequest(user, Optional.of(password)));
        long took = System.nanoTime() - start;
        if (d.allowed()) {
            throw new IllegalStateException("expected a refusal for " + user);
        }
        return took;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-32s n=%d min=%.2f p10=%.2f p50=%.2f p90=%.2f max=%.2f ms%n", what, sorted.length,
                sorted[0] / 1e6, Percentiles.millis(sorted, 0.1), Percentiles.millis(sorted, 0.5),
                Percentiles.millis(sorted, 0.9), Percentiles.maxMillis(sorted));
    }
}
