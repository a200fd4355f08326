package io.reactivepay.bench;

import io.reactivepay.bench.harness.Pacer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor the ledger is measured against: the same transfer as plain SQL on the same PostgreSQL,
 * one commit per transfer: debit with a floor check, credit, and a journal row.
 */
final class RawSqlBaseline {

    private RawSqlBaseline() {
    }

    static void seed(String url, String user, int accounts) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, ""); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS baseline CASCADE");
            sql.execute("CREATE SCHEMA baseline");
            sql.execute("CREATE TABLE baseline.account (id bigint PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0))");
            sql.execute("CREATE TABLE baseline.transfer (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "debit bigint NOT NULL, credit bigint NOT NULL, amount bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            sql.execute("INSERT INTO baseline.account SELECT g, 100000000 FROM generate_series(0, " + (accounts - 1) + ") g");
        }
    }

    static Result run(String url, String user, int accounts, int threads, int seconds, boolean hot) throws Exception {
        return run(url, user, accounts, threads, seconds, hot, 0);
    }

    /**
     * @param rate transfers per second of all threads together, paced as the ledger's runs are (latency from
     *             when a transfer was due); 0 = as fast as they go
     */
    static Result run(String url, String user, int accounts, int threads, int seconds, boolean hot, double rate)
            throws Exception {
        double intervalNanos = rate > 0 ? threads * 1_000_000_000.0 / rate : 0;
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> transfers(url, user, accounts, deadline, hot, intervalNanos)));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] latencies = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + latencies.length);
            System.arraycopy(latencies, 0, merged, all.length, latencies.length);
            all = merged;
        }
        pool.shutdown();
        return Result.of("raw SQL, " + threads + " connections" + (hot ? ", hot" : "") + (rate > 0 ? ", at the same rate" : ""),
                all, (System.nanoTime() - started) / 1e9);
    }

    private static long[] transfers(String url, String user, int accounts, long deadline, boolean hot, double intervalNanos)
            throws SQLException, InterruptedException {
        Pacer pacer = new Pacer(intervalNanos);
        long[] latencies = new long[1 << 16];
        int count = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement debit = connection.prepareStatement(
                     "UPDATE baseline.account SET balance = balance - ? WHERE id = ? AND balance >= ?");
             PreparedStatement credit = connection.prepareStatement(
                     "UPDATE baseline.account SET balance = balance + ? WHERE id = ?");
             PreparedStatement journal = connection.prepareStatement(
                     "INSERT INTO baseline.transfer (debit, credit, amount) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < deadline) {
                long from = random.nextInt(accounts);
                long to = hot && random.nextBoolean() ? random.nextInt(10) : random.nextInt(accounts);
                if (from == to) {
                    continue;
                }
                long amount = 1 + random.nextInt(1_000);
                long begin = pacer.awaitNext();
                try {
                    debit.setLong(1, amount);
                    debit.setLong(2, from);
                    debit.setLong(3, amount);
                    if (debit.executeUpdate() == 1) {
                        credit.setLong(1, amount);
                        credit.setLong(2, to);
                        credit.executeUpdate();
                        journal.setLong(1, from);
                        journal.setLong(2, to);
                        journal.setLong(3, amount);
                        journal.executeUpdate();
                    }
                    connection.commit();
                } catch (SQLException e) {
                    // a deadlock between two plain transfers: the baseline simply drops that one
                    connection.rollback();
                    continue;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - begin;
            }
        }
        return Arrays.copyOf(latencies, count);
    }
}
