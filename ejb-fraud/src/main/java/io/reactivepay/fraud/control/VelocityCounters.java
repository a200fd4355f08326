package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.VelocityKey;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly velocity counters in {@code fraud.velocity}. A window of N hours is the N-1 hours before the
 * current one, the current hour so far, and the part of the hour N hours back that is still inside the
 * window (its counts weighted by that share): a sliding window without storing every event. Reading a
 * window touches at most 721 rows per key through the primary key, never a scan.
 */
@Dependent
public class VelocityCounters {

    /** A counted party: which dimension, and its keyed hash. */
    public record Key(VelocityKey dimension, byte[] hash) {
    }

    /** Counts, sums (in the screened currency) and declines of each key over each window, before this request. */
    public record Totals(Map<VelocityKey, double[][]> values) {

        static final int HITS = 0;
        static final int SUM = 1;
        static final int DECLINES = 2;

        public double get(VelocityKey key, TimeWindow window, int metric) {
            double[][] perMetric = values.get(key);
            return perMetric == null ? 0 : perMetric[metric][window.ordinal()];
        }
    }

    /**
     * A merchant's counter row is locked from its upsert to the commit of the payment. Each thread
     * writes its own shard (pool threads have consecutive ids), so concurrent payments of one merchant
     * rarely wait for each other; a merchant window then reads up to 16 rows per hour.
     */
    private static final int MERCHANT_SHARDS = 16;
    private static final String READ;
    private static final String UPSERT = "INSERT INTO fraud.velocity AS v (dimension, key_hash, bucket, currency, shard, hits, "
            + "sum_minor, declines) SELECT k.d, k.h, ?, ?, CASE WHEN k.d = 'MERCHANT' THEN ? ELSE 0 END, ?, ?, ? "
            + "FROM unnest(?::text[], ?::bytea[]) AS k(d, h) "
            + "ON CONFLICT (dimension, key_hash, bucket, currency, shard) DO UPDATE SET hits = v.hits + excluded.hits, "
            + "sum_minor = v.sum_minor + excluded.sum_minor, declines = v.declines + excluded.declines";

    static {
        StringBuilder sql = new StringBuilder("SELECT v.dimension");
        for (String metric : new String[] {"v.hits", "CASE WHEN v.currency = p.cur THEN v.sum_minor ELSE 0 END", "v.declines"}) {
            for (TimeWindow window : TimeWindow.values()) {
                int hours = window.hours();
                sql.append(", sum(CASE WHEN v.bucket > p.c - ").append(hours).append(" THEN ").append(metric)
                        .append(" WHEN v.bucket = p.c - ").append(hours).append(" THEN ").append(metric).append(" * p.w END)");
            }
        }
        READ = sql.append(" FROM fraud.velocity v, (SELECT ?::int AS c, ?::float8 AS w, ?::text AS cur) p")
                .append(" WHERE v.dimension = ANY (?) AND v.key_hash = ANY (?) AND v.bucket >= p.c - ")
                .append(TimeWindow.MONTH.hours()).append(" GROUP BY v.dimension").toString();
    }

    public Totals read(Connection connection, List<Key> keys, String currency, Instant now) throws SQLException {
        Map<VelocityKey, double[][]> values = new EnumMap<>(VelocityKey.class);
        if (keys.isEmpty()) {
            return new Totals(values);
        }
        long seconds = now.getEpochSecond();
        try (PreparedStatement select = connection.prepareStatement(READ)) {
            select.setInt(1, (int) (seconds / 3600));
            select.setDouble(2, 1 - (seconds % 3600) / 3600.0);
            select.setString(3, currency);
            select.setArray(4, connection.createArrayOf("text", keys.stream().map(k -> k.dimension().name()).toArray(String[]::new)));
            select.setArray(5, connection.createArrayOf("bytea", keys.stream().map(Key::hash).toArray(byte[][]::new)));
            try (ResultSet row = select.executeQuery()) {
                int windows = TimeWindow.values().length;
                while (row.next()) {
                    double[][] perMetric = new double[3][windows];
                    for (int metric = 0; metric < 3; metric++) {
                        for (int window = 0; window < windows; window++) {
                            perMetric[metric][window] = row.getDouble(2 + metric * windows + window);
                        }
                    }
                    values.put(VelocityKey.valueOf(row.getString(1)), perMetric);
                }
            }
        }
        return new Totals(values);
    }

    /**
     * Counts one screened request (and its decline, if declined) for every key, in the current hour, as
     * part of the statement that stores the screening: this goes in front of it, and
     * {@link #bindCounting} fills its first {@value #COUNTING_PARAMETERS} parameters.
     */
    public static final String COUNTING = "WITH counted AS (" + UPSERT + ") ";
    public static final int COUNTING_PARAMETERS = 8;

    public static void bindCounting(PreparedStatement statement, List<Key> keys, Money amount, boolean declined, Instant now)
            throws SQLException {
        bind(statement, keys, amount.currency().getCurrencyCode(), 1, amount.minorUnits(), declined ? 1 : 0, now);
    }

    /** Counts a decline that came after screening (acquirer, reviewer) for the keys screening counted. */
    public void recordDecline(Connection connection, List<Key> keys, String currency, Instant now) throws SQLException {
        add(connection, keys, currency, 0, 0, 1, now);
    }

    /** Drops hours that no window reaches any more. */
    public int purge(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM fraud.velocity WHERE bucket < ?")) {
            delete.setInt(1, (int) (now.getEpochSecond() / 3600) - TimeWindow.MONTH.hours());
            return delete.executeUpdate();
        }
    }

    private static void add(Connection connection, List<Key> keys, String currency, int hits, long sum, int declines,
                            Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            bind(upsert, keys, currency, hits, sum, declines, now);
            upsert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement upsert, List<Key> keys, String currency, int hits, long sum, int declines,
                             Instant now) throws SQLException {
        // Keys go in a fixed order (the enum's), so two transactions never lock the same rows in opposite orders.
        List<Key> ordered = keys.stream().sorted((a, b) -> a.dimension().compareTo(b.dimension())).toList();
        Connection connection = upsert.getConnection();
        upsert.setInt(1, (int) (now.getEpochSecond() / 3600));
        upsert.setString(2, currency);
        upsert.setInt(3, (int) (Thread.currentThread().getId() % MERCHANT_SHARDS));
        upsert.setInt(4, hits);
        upsert.setLong(5, sum);
        upsert.setInt(6, declines);
        upsert.setArray(7, connection.createArrayOf("text", ordered.stream().map(k -> k.dimension().name()).toArray(String[]::new)));
        upsert.setArray(8, connection.createArrayOf("bytea", ordered.stream().map(Key::hash).toArray(byte[][]::new)));
    }
}
