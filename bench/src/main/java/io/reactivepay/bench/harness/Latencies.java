package io.reactivepay.bench.harness;

import java.util.Arrays;

/**
 * Recorded latencies of one run and their percentiles, and the worst latency of each second of the run,
 * so that a tail can be told apart as one stall or as many slow calls spread over the run.
 */
final class Latencies {

    private static final int SECONDS = 600;

    private final long start;
    private long[] nanos = new long[1 << 16];
    private final long[] worstPerSecond = new long[SECONDS];
    private int count;

    /** @param start the instant (System.nanoTime) the run began; seconds of the timeline count from it */
    Latencies(long start) {
        this.start = start;
    }

    /** A call that was due at {@code due} and took {@code value} nanoseconds. */
    void record(long due, long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = value;
        int second = (int) Math.min(SECONDS - 1, Math.max(0, (due - start) / 1_000_000_000L));
        worstPerSecond[second] = Math.max(worstPerSecond[second], value);
    }

    void addAll(Latencies other) {
        if (count + other.count > nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.max(nanos.length * 2, count + other.count));
        }
        System.arraycopy(other.nanos, 0, nanos, count, other.count);
        count += other.count;
        for (int s = 0; s < SECONDS; s++) {
            worstPerSecond[s] = Math.max(worstPerSecond[s], other.worstPerSecond[s]);
        }
    }

    int count() {
        return count;
    }

    /** The latency at the quantile in milliseconds, e.g. 0.99. */
    double percentileMillis(double quantile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(quantile * count) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    /** The worst latency of each second of a run of {@code seconds}, in whole milliseconds, e.g. "12 9 351 14". */
    String worstPerSecond(int seconds) {
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < Math.min(seconds, SECONDS); s++) {
            line.append(s == 0 ? "" : " ").append(worstPerSecond[s] / 1_000_000);
        }
        return line.toString();
    }
}
