package dev.warren.store;

import dev.warren.cache.LruMap;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Excerpt;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The cache behind the caching stores: a found value is reused for {@code ttl}, "not found" for
 * {@code negativeTtl}. When the store fails, the last found value is served if it was read less
 * than {@code staleWindow} ago; otherwise the failure propagates (deny). A value is never served
 * stale for a key that was never read successfully. After a failure the store is not asked again
 * for {@code negativeTtl}, so an outage does not cost every request a timeout.
 *
 * <p>Bounded, least recently used first: found values in one map of {@code maxEntries}, and "not
 * found" (or a failure with nothing to serve) in a separate, smaller one, so a flood of unknown
 * names can never evict a real user's entry.
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
    private final LongSupplier nanos;
    private final LruMap<K, Entry<V>> found;
    private final LruMap<K, Entry<V>> absent;

    /** "Not found" entries are bounded to a tenth of {@code maxEntries} (at least one). */
    public StoreCache(String what, Duration ttl, Duration negativeTtl, Duration staleWindow, int maxEntries,
                      LongSupplier nanos) {
        this(what, ttl, negativeTtl, staleWindow, maxEntries, Math.max(1, maxEntries / 10), nanos);
    }

    /** @param maxAbsent bound on "not found" entries, kept apart from found ones */
    public StoreCache(String what, Duration ttl, Duration negativeTtl, Duration staleWindow, int maxEntries,
                      int maxAbsent, LongSupplier nanos) {
        this.what = what;
        this.ttl = ttl.toNanos();
        this.negativeTtl = negativeTtl.toNanos();
        this.staleWindow = staleWindow.toNanos();
        this.nanos = nanos;
        this.found = new LruMap<>(maxEntries);
        this.absent = new LruMap<>(maxAbsent);
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
        Entry<V> cached = entry(key);
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
                LOG.log(System.Logger.Level.WARNING, "serving " + what + " of " + Excerpt.quoted(label) + " read "
                        + (now - cached.readAt) / 1_000_000L + " ms ago: " + failure.getMessage());
            }
            return new Cached<>(cached.value, CacheOutcome.STALE);
        }
        throw failure;
    }

    private Entry<V> entry(K key) {
        Entry<V> e = found.get(key);
        return e != null ? e : absent.get(key);
    }

    private void put(K key, Entry<V> entry) {
        if (entry.value.isPresent()) {
            absent.remove(key);
            found.put(key, entry);
        } else {
            found.remove(key);
            absent.put(key, entry);
        }
    }

    /** Forgets everything (tests, and after an admin change in the same process). */
    public void clear() {
        found.clear();
        absent.clear();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
