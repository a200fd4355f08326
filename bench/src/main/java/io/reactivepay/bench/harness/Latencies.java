package io.reactivepay.bench.harness;

import java.util.Arrays;

/** Recorded latencies of one run and their percentiles. */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int count;

    void record(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = value;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.nanos[i]);
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
}
