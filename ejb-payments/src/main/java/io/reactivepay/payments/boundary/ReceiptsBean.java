package io.reactivepay.payments.boundary;

import io.reactivepay.payments.control.PaymentsConfig;
import io.reactivepay.payments.control.Receipts;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Merchants' stored answers are kept {@code reactivepay.payments.receipt-retention-days} (30, at least 7)
 * under their idempotency keys, then purged a batch per transaction; every instance may purge.
 */
@Stateless
@LocalBean
public class ReceiptsBean {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    Receipts receipts;

    @Inject
    PaymentsConfig config;

    Clock clock = Clock.systemUTC();

    /** Purges up to {@code limit} receipts past their retention; returns how many. */
    public int purgeExpired(int limit) {
        return Jdbc.with(dataSource, "Purging receipts", connection ->
                receipts.purgeAnswered(connection, clock.instant().minus(config.receiptRetention()), limit));
    }
}
