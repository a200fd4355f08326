package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.VelocityKey;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly velocity counters in {@code fraud.velocity}, one row per party key, hour since the epoch,
 * currency and shard.
 * <p>
 * <b>Windows.</b> A window of N hours at instant t counts the hour t falls in (so far) and the N whole
 * hours before it: every event of the last N hours, and none older than N + 1 hours. An event at
 * 10:59 stays in a one-hour window until 11:59:59 and leaves it at 12:00:00, as does one at 10:00.
 * <p>
 * <b>Count first.</b> A screening counts itself in the current hour and reads the windows in one
 * statement: the upsert locks the current hour's row of each key until the transaction ends and
 * returns its latest committed value plus this screening, so concurrent screenings of one party take
 * turns and each sees all earlier ones (a burst cannot pass a limit by being in flight together).
 * Exceptions, by design: a merchant's other shards, a key's rows in other currencies and the previous
 * hour are read as of the statement's start, so screenings in flight there are not seen. Reading a
 * window touches at most N + 1 rows per key, shard and currency through the primary key.
 */
@Dependent
public class VelocityCounters {

    /** A counted party: which dimension, and its keyed hash (equal by content). */
    public record Key(VelocityKey dimension, byte[] hash) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.dimension == dimension && Arrays.equals(key.hash, hash);
        }

        @Override
        public int hashCode() {
            return dimension.hashCode() * 31 + Arrays.hashCode(hash);
        }
    }

    /** One screening's contribution: it counts once, with its amount, for each of its keys. */
    public record Contribution(String reference, List<Key> keys, String currency, long amount) {
    }

    /** A key whose windows are read, back as far as its longest window that a rule uses. */
    public record Read(Key key, int hours) {
    }

    /**
     * A merchant's counter row is locked from its upsert to the commit of the payment. Each thread
     * writes its own shard (pool threads have consecutive ids), so concurrent payments of one merchant
     * rarely wait for each other; a merchant window then reads up to 16 rows per hour.
     */
    private static final int MERCHANT_SHARDS = 16;
    private static final String SHARD = "CASE WHEN k.d = 'MERCHANT' THEN p.shard ELSE 0 END";

    /**
     * Counts the contributions (in a fixed key order, so two transactions never lock rows in opposite
     * orders) and returns, per key and currency, each
     * window's hits, sum and declines including them: the counted rows as they are now, the rest of
     * the window as of the statement's start. Bound by {@link #bindCountAndRead}.
     */
    static final String COUNT_AND_READ;

    private static final String PARAMETERS = "WITH p AS (SELECT ?::int AS c, ?::int AS shard)";

    /**
     * Takes back what {@link #COUNT_AND_READ} counted for requests that turned out to be screened
     * already (a repeat counts nothing); bound like its first {@value #COUNTING_PARAMETERS} parameters.
     */
    static final String UNCOUNT;
    private static final int COUNTING_PARAMETERS = 6;

    /** Counts a decline for keys in the current hour (the rows screening already counted and locked). */
    private static final String DECLINE = "INSERT INTO fraud.velocity AS v (dimension, key_hash, bucket, currency, shard, hits, "
            + "sum_minor, declines) SELECT k.d, k.h, p.c, p.cur, " + SHARD + ", 0, 0, 1 "
            + "FROM unnest(?::text[], ?::bytea[]) AS k(d, h), (SELECT ?::int AS c, ?::text AS cur, ?::int AS shard) p "
            + "WHERE ? ORDER BY k.d, k.h "
            + "ON CONFLICT (dimension, key_hash, bucket, currency, shard) DO UPDATE SET declines = v.declines + 1";

    /** Counts the declines of a batch's declined screenings in the current hour: a key once per screening, in key order. */
    private static final String DECLINES = "INSERT INTO fraud.velocity AS v (dimension, key_hash, bucket, currency, shard, hits, "
            + "sum_minor, declines) SELECT k.d, k.h, p.c, k.cur, " + SHARD + ", 0, 0, count(*) "
            + "FROM unnest(?::text[], ?::bytea[], ?::text[]) AS k(d, h, cur), (SELECT ?::int AS c, ?::int AS shard) p "
            + "GROUP BY k.d, k.h, k.cur, p.c, p.shard ORDER BY k.d, k.h, k.cur "
            + "ON CONFLICT (dimension, key_hash, bucket, currency, shard) DO UPDATE SET declines = v.declines + excluded.declines";

    /** The statement that stores a batch of screenings starts with this; {@link #bindDeclines} fills its parameters. */
    static final String DECLINES_FIRST = "WITH declined AS (" + DECLINES + ") ";
    static final int DECLINES_PARAMETERS = 5;

    /** Binds {@link #DECLINES_FIRST}: each declined screening's keys, in its currency. */
    static void bindDeclines(PreparedStatement statement, List<Contribution> declined, Instant now) throws SQLException {
        Connection connection = statement.getConnection();
        List<String> dimensions = new java.util.ArrayList<>();
        List<byte[]> hashes = new java.util.ArrayList<>();
        List<String> currencies = new java.util.ArrayList<>();
        for (Contribution screening : declined) {
            for (Key key : screening.keys()) {
                dimensions.add(key.dimension().name());
                hashes.add(key.hash());
                currencies.add(screening.currency());
            }
        }
        statement.setArray(1, connection.createArrayOf("text", dimensions.toArray(String[]::new)));
        statement.setArray(2, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
        statement.setArray(3, connection.createArrayOf("text", currencies.toArray(String[]::new)));
        statement.setInt(4, hour(now));
        statement.setInt(5, shard());
    }

    /** The upsert that adds (sign "") or takes back (sign "-") hits and sums, in a fixed key order. */
    private static String counting(String sign) {
        return "INSERT INTO fraud.velocity AS v (dimension, key_hash, bucket, currency, shard, hits, sum_minor, declines) "
                + "SELECT k.d, k.h, p.c, k.cur, " + SHARD + ", " + sign + "count(*), " + sign + "sum(k.amount), 0 "
                + "FROM unnest(?::text[], ?::bytea[], ?::text[], ?::bigint[]) AS k(d, h, cur, amount), p "
                + "GROUP BY k.d, k.h, k.cur, p.c, p.shard ORDER BY k.d, k.h, k.cur "
                + "ON CONFLICT (dimension, key_hash, bucket, currency, shard) DO UPDATE SET hits = v.hits + excluded.hits, "
                + "sum_minor = v.sum_minor + excluded.sum_minor";
    }

    static {
        UNCOUNT = PARAMETERS + " " + counting("-");
        StringBuilder windows = new StringBuilder();
        StringBuilder current = new StringBuilder();
        for (String metric : new String[] {"hits", "sum_minor", "declines"}) {
            for (TimeWindow window : TimeWindow.values()) {
                windows.append(", sum(v.").append(metric).append(") FILTER (WHERE v.bucket >= p.c - ").append(window.hours())
                        .append(")::bigint");
                current.append(", ").append(metric);
            }
        }
        COUNT_AND_READ = PARAMETERS + ", counted AS (" + counting("") + " RETURNING v.dimension, v.key_hash, v.currency, "
                + "v.shard, v.hits, v.sum_minor, v.declines), "
                + "history AS (SELECT k.d, k.h, w.* FROM p, unnest(?::text[], ?::bytea[], ?::int[]) AS k(d, h, hours) "
                + "CROSS JOIN LATERAL (SELECT v.currency" + windows + " FROM fraud.velocity v "
                + "WHERE v.dimension = k.d AND v.key_hash = k.h AND v.bucket >= p.c - k.hours "
                + "AND NOT (v.bucket = p.c AND EXISTS (SELECT 1 FROM counted c WHERE c.dimension = v.dimension "
                + "AND c.key_hash = v.key_hash AND c.currency = v.currency AND c.shard = v.shard)) GROUP BY v.currency) w) "
                + "SELECT dimension, key_hash, currency" + current
                + " FROM counted UNION ALL SELECT * FROM history";
    }

    /** Binds {@link #COUNT_AND_READ} from parameter {@code at + 1}; returns the last parameter bound. */
    static int bindCountAndRead(PreparedStatement statement, int at, List<Contribution> counted, List<Read> reads, Instant now)
            throws SQLException {
        Connection connection = statement.getConnection();
        int last = bindCounting(statement, at, counted, now);
        statement.setArray(last + 1, connection.createArrayOf("text", reads.stream().map(r -> r.key().dimension().name()).toArray(String[]::new)));
        statement.setArray(last + 2, connection.createArrayOf("bytea", reads.stream().map(r -> r.key().hash()).toArray(byte[][]::new)));
        statement.setArray(last + 3, connection.createArrayOf("integer", reads.stream().map(Read::hours).toArray(Integer[]::new)));
        return last + 3;
    }

    /** Takes back what screening counted for these contributions (in this transaction). */
    static void uncount(Connection connection, List<Contribution> counted, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UNCOUNT)) {
            bindCounting(upsert, 0, counted, now);
            upsert.executeUpdate();
        }
    }

    private static int bindCounting(PreparedStatement statement, int at, List<Contribution> counted, Instant now)
            throws SQLException {
        Connection connection = statement.getConnection();
        int keys = counted.stream().mapToInt(c -> c.keys().size()).sum();
        String[] dimensions = new String[keys];
        byte[][] hashes = new byte[keys][];
        String[] currencies = new String[keys];
        Long[] amounts = new Long[keys];
        int i = 0;
        for (Contribution contribution : counted) {
            for (Key key : contribution.keys()) {
                dimensions[i] = key.dimension().name();
                hashes[i] = key.hash();
                currencies[i] = contribution.currency();
                amounts[i++] = contribution.amount();
            }
        }
        statement.setInt(at + 1, hour(now));
        statement.setInt(at + 2, shard());
        statement.setArray(at + 3, connection.createArrayOf("text", dimensions));
        statement.setArray(at + 4, connection.createArrayOf("bytea", hashes));
        statement.setArray(at + 5, connection.createArrayOf("text", currencies));
        statement.setArray(at + 6, connection.createArrayOf("bigint", amounts));
        return at + COUNTING_PARAMETERS;
    }

    /** The windows of each key returned by {@link #COUNT_AND_READ}, summed over its rows. */
    static Map<Key, Tally> tallies(ResultSet row) throws SQLException {
        Map<Key, Tally> tallies = new HashMap<>();
        int windows = TimeWindow.values().length;
        while (row.next()) {
            Key key = new Key(VelocityKey.valueOf(row.getString(1)), row.getBytes(2));
            Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
            long[] sum = tally.sums.computeIfAbsent(row.getString(3).trim(), c -> new long[windows]);
            for (int window = 0; window < windows; window++) {
                tally.hits[window] += row.getLong(4 + window);
                sum[window] += row.getLong(4 + windows + window);
                tally.declines[window] += row.getLong(4 + 2 * windows + window);
            }
        }
        return tallies;
    }

    private static void bindDecline(PreparedStatement statement, int at, List<Key> keys, String currency, boolean declined, Instant now)
            throws SQLException {
        Connection connection = statement.getConnection();
        statement.setArray(at + 1, connection.createArrayOf("text", keys.stream().map(k -> k.dimension().name()).toArray(String[]::new)));
        statement.setArray(at + 2, connection.createArrayOf("bytea", keys.stream().map(Key::hash).toArray(byte[][]::new)));
        statement.setInt(at + 3, hour(now));
        statement.setString(at + 4, currency);
        statement.setInt(at + 5, shard());
        statement.setBoolean(at + 6, declined);
    }

    /** Counts a decline that came after screening (acquirer, reviewer) for the keys screening counted. */
    public void recordDecline(Connection connection, List<Key> keys, String currency, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(DECLINE)) {
            bindDecline(upsert, 0, keys, currency, true, now);
            upsert.executeUpdate();
        }
    }

    /**
     * Drops hours that no window reaches any more, at most {@code batch} rows per call, through the
     * index on the hour; returns how many it dropped (fewer than {@code batch}: nothing is left).
     */
    public int purge(Connection connection, Instant now, int batch) throws SQLException {
        String sql = "DELETE FROM fraud.velocity WHERE ctid = ANY (ARRAY(SELECT ctid FROM fraud.velocity WHERE bucket < ? LIMIT ?))";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setInt(1, hour(now) - TimeWindow.MONTH.hours());
            delete.setInt(2, batch);
            return delete.executeUpdate();
        }
    }

    static int hour(Instant now) {
        return (int) Math.floorDiv(now.getEpochSecond(), 3600);
    }

    private static int shard() {
        return (int) (Thread.currentThread().getId() % MERCHANT_SHARDS);
    }

    /** A key's window values (per {@link TimeWindow} ordinal), which screening moves along a batch. */
    static final class Tally {
        final long[] hits = new long[TimeWindow.values().length];
        final long[] declines = new long[TimeWindow.values().length];
        final Map<String, long[]> sums = new HashMap<>();

        void add(long hit, String currency, long amount, long decline) {
            long[] sum = sums.computeIfAbsent(currency, c -> new long[hits.length]);
            for (int window = 0; window < hits.length; window++) {
                hits[window] += hit;
                sum[window] += amount;
                declines[window] += decline;
            }
        }

        long sum(String currency, TimeWindow window) {
            long[] sum = sums.get(currency);
            return sum == null ? 0 : sum[window.ordinal()];
        }
    }
}
