package dev.warren.bench;

/** Percentiles of latencies in nanoseconds, sorted ascending, in milliseconds (0 for no samples). */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p} quantile (0..1) of {@code sorted}, nearest-rank from below, in milliseconds. */
    static double millis(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /** The largest sample, in milliseconds. */
    static double maxMillis(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }
}
