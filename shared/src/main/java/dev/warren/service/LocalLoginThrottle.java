package dev.warren.service;

import dev.warren.cache.LruMap;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@link LoginThrottle} per instance: a fixed window per username, opened by its first failure;
 * at {@code maxFailures} failures the name is throttled until the window ends. Bounded: the least
 * recently used names are forgotten first.
 */
public final class LocalLoginThrottle implements LoginThrottle {

    private record Window(long start, int failures) {
    }

    private final int maxFailures;
    private final long window;
    private final LongSupplier nanos;
    private final LruMap<String, Window> windows;

    public LocalLoginThrottle(int maxFailures, Duration window, int maxNames, LongSupplier nanos) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures and window must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window.toNanos();
        this.nanos = nanos;
        this.windows = new LruMap<>(maxNames);
    }

    @Override
    public boolean isThrottled(String username) {
        Window w = windows.get(username);
        return w != null && nanos.getAsLong() - w.start < window && w.failures >= maxFailures;
    }

    @Override
    public void recordFailure(String username) {
        long now = nanos.getAsLong();
        synchronized (windows) {
            Window w = windows.get(username);
            windows.put(username, w == null || now - w.start >= window
                    ? new Window(now, 1) : new Window(w.start, w.failures + 1));
        }
    }
}
