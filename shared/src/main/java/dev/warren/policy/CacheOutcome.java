package dev.warren.policy;

/**
 * How a user's policy was obtained for one decision: not through a cache, a fresh cache hit, a
 * store read (miss), or a stale copy served through a store failure.
 */
public enum CacheOutcome {
    NONE, HIT, MISS, STALE;

    /** The label in logs and metrics, or null when no cache was involved. */
    public String label() {
        return this == NONE ? null : name().toLowerCase(java.util.Locale.ROOT);
    }
}
