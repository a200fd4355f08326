package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.fraud.control.RateCounter;
import io.reactivepay.fraud.control.VelocityCounters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hourly purge drops only what no window reaches, in batches found through the time columns' indexes. */
class PurgeIT {

    private static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
    private static final long HOUR = NOW.getEpochSecond() / 3600;

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static String plan(String query) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("EXPLAIN " + query)) {
            while (row.next()) {
                plan.append(row.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void expiredVelocityHoursGoInBatchesTheMonthStays() throws Exception {
        sql("DELETE FROM fraud.velocity WHERE dimension = 'PURGE'",
                // 20,000 hours inside the month (the oldest one exactly 720 hours back), 600 before it
                "INSERT INTO fraud.velocity SELECT 'PURGE', decode(md5(g::text), 'hex'), " + HOUR + " - g % 721, 'EUR', 0, 1, 0, 0 "
                        + "FROM generate_series(1, 20000) g",
                "INSERT INTO fraud.velocity SELECT 'PURGE', decode(md5('old' || g), 'hex'), " + (HOUR - 721) + " - g % 48, 'EUR', 0, "
                        + "1, 0, 0 FROM generate_series(1, 600) g",
                "ANALYZE fraud.velocity");
        String plan = plan("SELECT ctid FROM fraud.velocity WHERE bucket < " + (HOUR - 720) + " LIMIT " + FraudJobs.BATCH);
        assertTrue(plan.contains("velocity_bucket_ix") && !plan.contains("Seq Scan"), plan);

        VelocityCounters velocity = new VelocityCounters();
        assertEquals(250, (int) inTransaction(() -> velocity.purge(TestDatabase.DATA_SOURCE.getConnection(), NOW, 250)));
        purge();
        assertEquals(0, Expect.count("SELECT count(*) FROM fraud.velocity WHERE dimension = 'PURGE' AND bucket < " + (HOUR - 720)));
        assertEquals(20_000, Expect.count("SELECT count(*) FROM fraud.velocity WHERE dimension = 'PURGE'"));
        assertEquals(HOUR - 720, Expect.count("SELECT min(bucket) FROM fraud.velocity WHERE dimension = 'PURGE'"));
    }

    @Test
    void rateWindowsOlderThanADayGo() throws Exception {
        long dayAgo = NOW.getEpochSecond() - 86_400;
        sql("DELETE FROM fraud.rate_counter WHERE scope = 'PURGE'",
                // 20,000 windows of the last day (the oldest starting exactly a day ago), 299 older ones
                "INSERT INTO fraud.rate_counter SELECT 'PURGE', decode(md5(g::text), 'hex'), " + dayAgo + " + g % 1440 * 60, 1 "
                        + "FROM generate_series(0, 19999) g",
                "INSERT INTO fraud.rate_counter SELECT 'PURGE', decode(md5('old' || g), 'hex'), " + dayAgo + " - g * 60, 1 "
                        + "FROM generate_series(1, 299) g",
                "ANALYZE fraud.rate_counter");
        String plan = plan("SELECT ctid FROM fraud.rate_counter WHERE window_start < " + dayAgo + " LIMIT " + FraudJobs.BATCH);
        assertTrue(plan.contains("rate_counter_window_ix") && !plan.contains("Seq Scan"), plan);
        purge();
        assertEquals(0, Expect.count("SELECT count(*) FROM fraud.rate_counter WHERE scope = 'PURGE' AND window_start < " + dayAgo));
        assertEquals(20_000, Expect.count("SELECT count(*) FROM fraud.rate_counter WHERE scope = 'PURGE'"));
    }

    private static FraudJobs jobs() {
        FraudJobs jobs = new FraudJobs();
        jobs.dataSource = TestDatabase.DATA_SOURCE;
        jobs.velocity = new VelocityCounters();
        jobs.rates = new RateCounter();
        jobs.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return jobs;
    }

    /** Outside the container the purge's batches share one test transaction. */
    private static void purge() throws Exception {
        inTransaction(() -> {
            jobs().purge();
            return null;
        });
    }
}
