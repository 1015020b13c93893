package dev.warren.store;

import dev.warren.policy.CacheOutcome;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The cache behind the caching stores: a found value is reused for {@code ttl}, "not found" for
 * {@code negativeTtl}. When the store fails, the last found value is served if it was read less
 * than {@code staleWindow} ago; otherwise the failure propagates (deny). A value is never served
 * stale for a key that was never read successfully. After a failure the store is not asked again
 * for {@code negativeTtl}, so an outage does not cost every request a timeout. Bounded in size.
 */
public final class StoreCache<K, V> {

    private static final System.Logger LOG = System.getLogger("warren.store");

    private record Entry<V>(Optional<V> value, long readAt, long failedAt, String failure) {
    }

    /** A value (empty: not found) and how this cache obtained it. */
    public record Cached<V>(Optional<V> value, CacheOutcome outcome) {
    }

    private final String what;
    private final long ttl;
    private final long negativeTtl;
    private final long staleWindow;
    private final int maxEntries;
    private final LongSupplier nanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public StoreCache(String what, Duration ttl, Duration negativeTtl, Duration staleWindow, int maxEntries,
                      LongSupplier nanos) {
        this.what = what;
        this.ttl = ttl.toNanos();
        this.negativeTtl = negativeTtl.toNanos();
        this.staleWindow = staleWindow.toNanos();
        this.maxEntries = maxEntries;
        this.nanos = nanos;
    }

    public StoreCache(String what, Duration ttl, Duration negativeTtl, Duration staleWindow, int maxEntries) {
        this(what, ttl, negativeTtl, staleWindow, maxEntries, System::nanoTime);
    }

    /**
     * @param label names the key in log lines (a username; never a secret)
     * @throws StoreException when the store fails and no good answer is recent enough
     */
    public Optional<V> get(K key, String label, Supplier<Optional<V>> load) {
        return lookUp(key, label, load).value();
    }

    /**
     * Like {@link #get}, and says whether the answer was a hit, a store read or a stale copy.
     *
     * @throws StoreException when the store fails and no good answer is recent enough
     */
    public Cached<V> lookUp(K key, String label, Supplier<Optional<V>> load) {
        long now = nanos.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && cached.failure == null
                && now - cached.readAt < (cached.value.isPresent() ? ttl : negativeTtl)) {
            return new Cached<>(cached.value, CacheOutcome.HIT);
        }
        if (cached != null && cached.failure != null && now - cached.failedAt < negativeTtl) {
            return staleOrThrow(key, label, cached, now, new StoreException(cached.failure), false);
        }
        Optional<V> loaded;
        try {
            loaded = load.get();
        } catch (RuntimeException e) {
            StoreException failure = e instanceof StoreException s ? s
                    : new StoreException(what + " lookup failed: " + describe(e), e);
            return staleOrThrow(key, label, cached, now, failure, true);
        }
        put(key, new Entry<>(loaded, now, 0, null));
        return new Cached<>(loaded, CacheOutcome.MISS);
    }

    private Cached<V> staleOrThrow(K key, String label, Entry<V> cached, long now, StoreException failure,
                                     boolean newFailure) {
        if (newFailure) {
            put(key, cached == null
                    ? new Entry<>(Optional.empty(), now, now, failure.getMessage())
                    : new Entry<>(cached.value, cached.readAt, now, failure.getMessage()));
        }
        if (cached != null && cached.value.isPresent() && now - cached.readAt < staleWindow) {
            if (newFailure) {
                LOG.log(System.Logger.Level.WARNING, "serving " + what + " of '" + label + "' read "
                        + (now - cached.readAt) / 1_000_000L + " ms ago: " + failure.getMessage());
            }
            return new Cached<>(cached.value, CacheOutcome.STALE);
        }
        throw failure;
    }

    private void put(K key, Entry<V> entry) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            evict();
        }
        entries.put(key, entry);
    }

    /** Drops expired entries; if that frees nothing, drops an arbitrary tenth. */
    private void evict() {
        long now = nanos.getAsLong();
        long keep = Math.max(Math.max(ttl, negativeTtl), staleWindow);
        entries.values().removeIf(e -> now - e.readAt >= keep);
        int toDrop = entries.size() - maxEntries + Math.max(1, maxEntries / 10);
        Iterator<K> keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** Forgets everything (tests, and after an admin change in the same process). */
    public void clear() {
        entries.clear();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
