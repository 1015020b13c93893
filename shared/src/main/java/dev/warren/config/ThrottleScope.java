package dev.warren.config;

/**
 * Where the brute-force throttle counts failed logins ({@value LoginSettings#THROTTLE_SCOPE}): in each
 * process or Lambda instance, or in one counter per name in the DynamoDB table that every instance shares.
 */
public enum ThrottleScope {
    /** A counter per process or Lambda instance (the default). */
    INSTANCE,
    /** A counter item per name in the users table, shared by every instance; the per-instance counter still runs. */
    SHARED;

    /** The value as the environment spells it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
