package dev.warren.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every setting of the stores and caches, read from environment variables and validated once at
 * start-up: a bad value fails start-up with a message naming the variable, never the first request.
 * Region, credentials and endpoints are not here: they come from the standard AWS chain.
 *
 * @param table              DynamoDB table ({@value #TABLE}, default {@value #DEFAULT_TABLE})
 * @param secretPrefix       prefix of per-user secret names ({@value #SECRET_PREFIX}, default {@value #DEFAULT_SECRET_PREFIX})
 * @param policyTtl          how long a user's policy is reused ({@value #POLICY_TTL})
 * @param secretTtl          how long a password hash is reused ({@value #SECRET_TTL})
 * @param negativeTtl        how long "no such user" / "no password" and a failed read are remembered ({@value #NEGATIVE_TTL})
 * @param staleWindow        how old a good answer may be and still be served while a store fails ({@value #STALE})
 * @param credentialTtl      how long a verified password skips the hash computation ({@value #CREDENTIAL_TTL})
 * @param cacheMaxEntries    bound on each cache ({@value #CACHE_MAX_ENTRIES})
 * @param awsTimeout         total time for one AWS call, retries included ({@value #AWS_TIMEOUT})
 * @param awsAttemptTimeout  time for one attempt of an AWS call ({@value #AWS_ATTEMPT_TIMEOUT})
 * @param awsMaxAttempts     attempts per AWS call, first one included ({@value #AWS_MAX_ATTEMPTS})
 * @param denyReasons        refusals answer {@code deny <reason>} instead of {@code deny} ({@value #DENY_REASONS},
 *                           {@code true} or {@code false}, default false: only RabbitMQ 4.3 and later understand it)
 * @param login              how refused logins are kept cheap ({@link LoginSettings})
 */
public record WarrenConfig(String table, String secretPrefix, Duration policyTtl, Duration secretTtl,
                           Duration negativeTtl, Duration staleWindow, Duration credentialTtl, int cacheMaxEntries,
                           Duration awsTimeout, Duration awsAttemptTimeout, int awsMaxAttempts, boolean denyReasons,
                           LoginSettings login) {

    public static final String TABLE = "WARREN_TABLE";
    public static final String SECRET_PREFIX = "WARREN_SECRET_PREFIX";
    public static final String POLICY_TTL = "WARREN_POLICY_TTL_SECONDS";
    public static final String SECRET_TTL = "WARREN_SECRET_TTL_SECONDS";
    public static final String NEGATIVE_TTL = "WARREN_NEGATIVE_TTL_SECONDS";
    public static final String STALE = "WARREN_STALE_SECONDS";
    public static final String CREDENTIAL_TTL = "WARREN_CREDENTIAL_TTL_SECONDS";
    public static final String CACHE_MAX_ENTRIES = "WARREN_CACHE_MAX_ENTRIES";
    public static final String AWS_TIMEOUT = "WARREN_AWS_TIMEOUT_MILLIS";
    public static final String AWS_ATTEMPT_TIMEOUT = "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS";
    public static final String AWS_MAX_ATTEMPTS = "WARREN_AWS_MAX_ATTEMPTS";
    public static final String DENY_REASONS = "WARREN_DENY_REASONS";

    public static final String DEFAULT_TABLE = "warren";
    public static final String DEFAULT_SECRET_PREFIX = "warren/users/";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern SECRET_NAME_CHARS = Pattern.compile("[A-Za-z0-9/_+=.@-]{0,256}");

    public WarrenConfig {
        List<String> errors = new ArrayList<>();
        checkTable(table, TABLE, errors);
        checkSecretPrefix(secretPrefix, SECRET_PREFIX, errors);
        if (awsAttemptTimeout != null && awsTimeout != null && awsAttemptTimeout.compareTo(awsTimeout) > 0) {
            errors.add(AWS_ATTEMPT_TIMEOUT + " (" + awsAttemptTimeout.toMillis() + ") must not exceed "
                    + AWS_TIMEOUT + " (" + awsTimeout.toMillis() + ")");
        }
        fail(errors);
    }

    /** All defaults, as with an empty environment. */
    public static WarrenConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads and validates every setting; unset or empty variables take their defaults.
     *
     * @throws ConfigException naming every bad variable, its value and what is allowed
     */
    public static WarrenConfig fromEnvironment(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        String table = text(env, TABLE, DEFAULT_TABLE);
        String prefix = text(env, SECRET_PREFIX, DEFAULT_SECRET_PREFIX);
        checkTable(table, TABLE, errors);
        checkSecretPrefix(prefix, SECRET_PREFIX, errors);
        long policyTtl = number(env, POLICY_TTL, 15, 0, 3600, "seconds", errors);
        long secretTtl = number(env, SECRET_TTL, 60, 0, 3600, "seconds", errors);
        long negativeTtl = number(env, NEGATIVE_TTL, 2, 0, 300, "seconds", errors);
        long stale = number(env, STALE, 300, 0, 86_400, "seconds", errors);
        long credentialTtl = number(env, CREDENTIAL_TTL, 300, 0, 86_400, "seconds", errors);
        long maxEntries = number(env, CACHE_MAX_ENTRIES, 10_000, 1, 1_000_000, "entries", errors);
        long timeout = number(env, AWS_TIMEOUT, 2000, 100, 30_000, "milliseconds", errors);
        long attempt = number(env, AWS_ATTEMPT_TIMEOUT, Math.min(1000, timeout), 50, 30_000, "milliseconds", errors);
        long attempts = number(env, AWS_MAX_ATTEMPTS, 2, 1, 10, "attempts", errors);
        boolean denyReasons = flag(env, DENY_REASONS, errors);
        LoginSettings login = LoginSettings.fromEnvironment(env, errors);
        if (errors.isEmpty() && attempt > timeout) {
            errors.add(AWS_ATTEMPT_TIMEOUT + " (" + attempt + ") must not exceed " + AWS_TIMEOUT + " (" + timeout + ")");
        }
        fail(errors);
        return new WarrenConfig(table, prefix, Duration.ofSeconds(policyTtl), Duration.ofSeconds(secretTtl),
                Duration.ofSeconds(negativeTtl), Duration.ofSeconds(stale), Duration.ofSeconds(credentialTtl),
                (int) maxEntries, Duration.ofMillis(timeout), Duration.ofMillis(attempt), (int) attempts, denyReasons, login);
    }

    /** The same settings with another table (a command-line option wins over the environment). */
    public WarrenConfig withTable(String newTable) {
        return new WarrenConfig(newTable, secretPrefix, policyTtl, secretTtl, negativeTtl, staleWindow, credentialTtl,
                cacheMaxEntries, awsTimeout, awsAttemptTimeout, awsMaxAttempts, denyReasons, login);
    }

    /** The same settings with other AWS call limits. */
    public WarrenConfig withAwsTimeouts(Duration total, Duration attempt, int attempts) {
        return new WarrenConfig(table, secretPrefix, policyTtl, secretTtl, negativeTtl, staleWindow, credentialTtl,
                cacheMaxEntries, total, attempt, attempts, denyReasons, login);
    }

    /** The same settings with another secret prefix. */
    public WarrenConfig withSecretPrefix(String newPrefix) {
        return new WarrenConfig(table, newPrefix, policyTtl, secretTtl, negativeTtl, staleWindow, credentialTtl,
                cacheMaxEntries, awsTimeout, awsAttemptTimeout, awsMaxAttempts, denyReasons, login);
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static long number(Map<String, String> env, String name, long fallback, long min, long max, String unit,
                               List<String> errors) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + " must be a whole number of " + unit + " from " + min + " to " + max + ", got '" + value + "'");
        return fallback;
    }

    private static boolean flag(Map<String, String> env, String name, List<String> errors) {
        String value = env.get(name);
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        errors.add(name + " must be 'true' or 'false', got '" + value + "'");
        return false;
    }

    private static void checkTable(String table, String name, List<String> errors) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            errors.add(name + " must be a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -), got '" + table + "'");
        }
    }

    private static void checkSecretPrefix(String prefix, String name, List<String> errors) {
        if (prefix == null || !SECRET_NAME_CHARS.matcher(prefix).matches()) {
            errors.add(name + " must be at most 256 of A-Z a-z 0-9 / _ + = . @ - (Secrets Manager name characters), got '"
                    + prefix + "'");
        }
    }

    private static void fail(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new ConfigException("invalid configuration: " + String.join("; ", errors));
        }
    }
}
