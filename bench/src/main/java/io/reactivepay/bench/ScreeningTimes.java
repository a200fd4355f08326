package io.reactivepay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of fraud screening's timer ({@code reactivepay.fraud.screening}) from the server's
 * MicroProfile Metrics: its count and total, and the counts of calls within each bound (counter
 * {@code reactivepay.fraud.screening.within}, tag {@code le} in milliseconds), which only grow; a run's
 * own figures are the difference of the readings before and after it ({@link #since}). The quantiles
 * the server publishes are of a recent-weighted sample and mix runs, so a run's p99 is read from the
 * counts. (Payara's histogram buckets, {@code mp.metrics.distribution.timer.buckets}, are counted in
 * that same sample, not over all calls, so they cannot serve.)
 */
record ScreeningTimes(long count, double totalMillis, TreeMap<Double, Long> buckets) {

    private static final String PREFIX = "reactivepay_fraud_screening_seconds";
    private static final Pattern WITHIN = Pattern.compile("reactivepay_fraud_screening_within_total\\{.*le=\"([^\"]+)\".*} (\\S+)");

    static ScreeningTimes read(HttpClient http, URI base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/metrics?scope=application"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        long count = 0;
        double total = 0;
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (String line : response.body().lines().filter(l -> l.startsWith("reactivepay_fraud_screening")).toList()) {
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            Matcher within = WITHIN.matcher(line);
            if (line.startsWith(PREFIX + "_count")) {
                count = (long) value;
            } else if (line.startsWith(PREFIX + "_sum")) {
                total = value;
            } else if (within.matches()) {
                buckets.put(Double.parseDouble(within.group(1)), (long) value);
            }
        }
        // Payara 6 writes nanoseconds under the _seconds name: no screening takes 100 s
        boolean nanos = count > 0 && total / count > 100;
        return new ScreeningTimes(count, nanos ? total / 1e6 : total * 1000, buckets);
    }

    /** The calls between an earlier reading and this one. */
    ScreeningTimes since(ScreeningTimes earlier) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        this.buckets.forEach((bound, cumulative) -> buckets.put(bound, cumulative - earlier.buckets.getOrDefault(bound, 0L)));
        return new ScreeningTimes(count - earlier.count, totalMillis - earlier.totalMillis, buckets);
    }

    /** Mean, share within 5 ms and the bounds the p50 and p99 lie under, e.g. "p99 ≤ 4 ms". */
    String summary() {
        if (count == 0) {
            return "no calls";
        }
        StringBuilder text = new StringBuilder(String.format("%,d calls, mean %.2f ms", count, totalMillis / count));
        Long within5 = buckets.get(5.0);
        if (within5 != null) {
            text.append(String.format(", %.2f %% within 5 ms", 100.0 * within5 / count));
        }
        for (Map.Entry<String, Double> quantile : Map.of("p50", 0.5, "p99", 0.99).entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList()) {
            text.append(", ").append(quantile.getKey()).append(' ').append(bound(quantile.getValue()));
        }
        return text.toString();
    }

    private String bound(double quantile) {
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= Math.ceil(quantile * count)) {
                return String.format("≤ %s ms", trim(bucket.getKey()));
            }
        }
        return buckets.isEmpty() ? "(no buckets)" : String.format("> %s ms", trim(buckets.lastKey()));
    }

    private static String trim(double millis) {
        return millis == Math.rint(millis) ? Long.toString((long) millis) : Double.toString(millis);
    }
}
