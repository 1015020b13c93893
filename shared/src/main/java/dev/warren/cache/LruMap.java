package dev.warren.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;

/**
 * A thread-safe map bounded by entry count and by total weight (e.g. bytes), evicting the least
 * recently used entries first. Reads count as uses. Used by every cache that holds values keyed by
 * what a client sends, so memory stays bounded whatever the clients send.
 */
public final class LruMap<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<? super K> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    /** Bounded by count only. */
    public LruMap(int maxEntries) {
        this(maxEntries, Long.MAX_VALUE, key -> 0);
    }

    /**
     * @param maxWeight bound on the sum of {@code weigher} over the keys held
     * @param weigher   weight of one entry, from its key (a key heavier than the bound is not kept)
     */
    public LruMap(int maxEntries, long maxWeight, ToLongFunction<? super K> weigher) {
        if (maxEntries < 1 || maxWeight < 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The value, marking the entry as recently used; null when absent. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** Inserts or replaces, then evicts least recently used entries until both bounds hold. */
    public synchronized void put(K key, V value) {
        long w = weigher.applyAsLong(key);
        if (w > maxWeight) {
            remove(key);
            return;
        }
        if (entries.put(key, value) == null) {
            weight += w;
        }
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
            K k = eldest.next().getKey();
            eldest.remove();
            weight -= weigher.applyAsLong(k);
        }
    }

    public synchronized void remove(K key) {
        if (entries.remove(key) != null) {
            weight -= weigher.applyAsLong(key);
        }
    }

    /** Drops every entry the predicate accepts (e.g. expired ones). */
    public synchronized void removeIf(BiPredicate<? super K, ? super V> drop) {
        Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            if (drop.test(e.getKey(), e.getValue())) {
                it.remove();
                weight -= weigher.applyAsLong(e.getKey());
            }
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long weight() {
        return weight;
    }

    public synchronized void clear() {
        entries.clear();
        weight = 0;
    }
}
