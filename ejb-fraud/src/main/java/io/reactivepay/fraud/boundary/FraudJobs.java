package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.control.RateCounter;
import io.reactivepay.fraud.control.VelocityCounters;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Drops velocity hours no window reaches and rate windows older than a day, through indexes on their
 * time columns, in batches that each commit on their own (no transaction: the connection
 * autocommits), so the purge never holds many locks or a long transaction. Running on every server is
 * harmless: the deletes are idempotent.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FraudJobs {

    static final int BATCH = 5_000;
    private static final System.Logger LOG = System.getLogger(FraudJobs.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    VelocityCounters velocity;

    @Inject
    RateCounter rates;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        Instant now = clock.instant();
        long rows = 0;
        int deleted;
        do {
            deleted = Jdbc.with(dataSource, "Purging velocity hours", connection -> velocity.purge(connection, now, BATCH));
            rows += deleted;
        } while (deleted == BATCH);
        do {
            deleted = Jdbc.with(dataSource, "Purging rate windows",
                    connection -> rates.purge(connection, now.minus(Duration.ofDays(1)), BATCH));
            rows += deleted;
        } while (deleted == BATCH);
        LOG.log(System.Logger.Level.DEBUG, "Purged {0} expired fraud counter rows", rows);
    }
}
