package io.reactivepay.bench;

import jakarta.json.JsonObject;
import java.util.Arrays;

/** One measured run: throughput and latency percentiles in milliseconds. */
record Result(String name, long transfers, double perSecond, double p50, double p99, double p999, double perCommit) {

    static Result of(String name, long[] latenciesNanos, double seconds) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Result(name, sorted.length, sorted.length / seconds, quantile(sorted, 0.50), quantile(sorted, 0.99),
                quantile(sorted, 0.999), 1);
    }

    static Result of(String name, JsonObject json) {
        return new Result(name, json.getJsonNumber("transfers").longValue(), json.getJsonNumber("perSecond").doubleValue(),
                json.getJsonNumber("p50").doubleValue(), json.getJsonNumber("p99").doubleValue(),
                json.getJsonNumber("p999").doubleValue(), json.getJsonNumber("entriesPerCommit").doubleValue());
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    String row(Result baseline) {
        return String.format("| %-46s | %9d | %10.0f | %7.2f | %7.2f | %8.2f | %6.1f | %5.2f |", name, transfers, perSecond,
                p50, p99, p999, perCommit, perSecond / baseline.perSecond);
    }
}
