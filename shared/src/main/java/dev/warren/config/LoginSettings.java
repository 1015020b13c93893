package dev.warren.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How refused logins are kept cheap, read with the rest of {@link WarrenConfig}.
 *
 * @param verifyThreads    password verifications that run at once ({@value #VERIFY_THREADS}, default: one per processor)
 * @param verifyQueue      verifications that may wait for a thread; beyond, refused at once ({@value #VERIFY_QUEUE},
 *                         default four per thread)
 * @param refusalTtl       how long a refused (user, password) pair is refused again without a verification
 *                         ({@value #REFUSAL_TTL}, default 30 s; 0 turns it off)
 * @param throttleFailures failed logins for one name after which it is throttled ({@value #THROTTLE_FAILURES};
 *                         default 0: throttle off)
 * @param throttleWindow   the throttle's window ({@value #THROTTLE_WINDOW}, default 300 s)
 * @param throttleScope    where failures are counted ({@value #THROTTLE_SCOPE}: {@code instance}, the default,
 *                         or {@code shared}; {@code shared} needs a throttle, i.e. {@value #THROTTLE_FAILURES} above 0)
 */
public record LoginSettings(int verifyThreads, int verifyQueue, Duration refusalTtl, int throttleFailures,
                            Duration throttleWindow, ThrottleScope throttleScope) {

    public static final String VERIFY_THREADS = "WARREN_VERIFY_THREADS";
    public static final String VERIFY_QUEUE = "WARREN_VERIFY_QUEUE";
    public static final String REFUSAL_TTL = "WARREN_REFUSAL_TTL_SECONDS";
    public static final String THROTTLE_FAILURES = "WARREN_THROTTLE_FAILURES";
    public static final String THROTTLE_WINDOW = "WARREN_THROTTLE_WINDOW_SECONDS";
    public static final String THROTTLE_SCOPE = "WARREN_THROTTLE_SCOPE";

    /** Queue places per verification thread unless {@value #VERIFY_QUEUE} says otherwise. */
    public static final int QUEUE_PER_THREAD = 4;

    public LoginSettings {
        if (verifyThreads < 1 || verifyQueue < 0 || throttleFailures < 0 || refusalTtl.isNegative()
                || throttleWindow.isNegative() || throttleWindow.isZero()
                || (throttleScope == ThrottleScope.SHARED && throttleFailures == 0)) {
            throw new ConfigException("invalid login settings: " + verifyThreads + " threads, queue " + verifyQueue
                    + ", throttle " + throttleFailures + " per " + throttleWindow + " (" + throttleScope + ")");
        }
    }

    /** Whether the brute-force throttle is on. */
    public boolean throttled() {
        return throttleFailures > 0;
    }

    static LoginSettings fromEnvironment(Map<String, String> env, List<String> errors) {
        int cpus = Runtime.getRuntime().availableProcessors();
        long threads = WarrenConfig.number(env, VERIFY_THREADS, cpus, 1, 256, "threads", errors);
        long queue = WarrenConfig.number(env, VERIFY_QUEUE, QUEUE_PER_THREAD * threads, 0, 10_000, "places", errors);
        long refusalTtl = WarrenConfig.number(env, REFUSAL_TTL, 30, 0, 3600, "seconds", errors);
        long failures = WarrenConfig.number(env, THROTTLE_FAILURES, 0, 0, 10_000, "failures", errors);
        long window = WarrenConfig.number(env, THROTTLE_WINDOW, 300, 1, 86_400, "seconds", errors);
        ThrottleScope scope = scope(env, errors);
        if (scope == ThrottleScope.SHARED && failures == 0) {
            errors.add(THROTTLE_SCOPE + "=shared needs the throttle on: set " + THROTTLE_FAILURES + " above 0");
            scope = ThrottleScope.INSTANCE;
        }
        return new LoginSettings((int) threads, (int) queue, Duration.ofSeconds(refusalTtl), (int) failures,
                Duration.ofSeconds(window), scope);
    }

    private static ThrottleScope scope(Map<String, String> env, List<String> errors) {
        String value = env.get(THROTTLE_SCOPE);
        if (value == null || value.isEmpty()) {
            return ThrottleScope.INSTANCE;
        }
        for (ThrottleScope scope : ThrottleScope.values()) {
            if (scope.label().equals(value)) {
                return scope;
            }
        }
        errors.add(THROTTLE_SCOPE + " must be 'instance' or 'shared', got '" + value + "'");
        return ThrottleScope.INSTANCE;
    }
}
