package dev.warren.store;

/**
 * Where the current request's policy came from (cache hit, store read, or a stale copy served
 * through a store failure), noted per thread by {@link CachingPolicyStore} and read once by the
 * HTTP edge for the decision log and the cache-hit metric.
 */
public final class CacheTrace {

    /** How a lookup was answered. */
    public enum Source {
        HIT, MISS, STALE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final ThreadLocal<Source> LAST = new ThreadLocal<>();

    private CacheTrace() {
    }

    static void record(Source source) {
        LAST.set(source);
    }

    /** Forgets what an earlier request on this thread left behind. */
    public static void reset() {
        LAST.remove();
    }

    /** The source of the last traced lookup on this thread since {@link #reset()}, or null; clears it. */
    public static Source take() {
        Source source = LAST.get();
        LAST.remove();
        return source;
    }
}
