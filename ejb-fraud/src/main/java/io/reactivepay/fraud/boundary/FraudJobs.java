package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.control.RateCounter;
import io.reactivepay.fraud.control.VelocityCounters;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Drops velocity hours no window reaches and rate windows older than a day. Running on every server
 * is harmless: the deletes are idempotent.
 */
@Singleton
public class FraudJobs {

    private static final System.Logger LOG = System.getLogger(FraudJobs.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    VelocityCounters velocity;

    @Inject
    RateCounter rates;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        Instant now = Instant.now();
        int rows = Jdbc.with(dataSource, "Purging fraud counters",
                connection -> velocity.purge(connection, now) + rates.purge(connection, now.minus(Duration.ofDays(1))));
        LOG.log(System.Logger.Level.DEBUG, "Purged {0} expired fraud counter rows", rows);
    }
}
