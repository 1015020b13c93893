package dev.warren.cli.amqp;

import java.time.Duration;

/** Waits between reconnection attempts: doubling from {@code first} up to {@code max}, back to {@code first} after a success. */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the maximum. */
    long nextMillis() {
        long wait = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return wait;
    }

    void reset() {
        nextMillis = firstMillis;
    }
}
