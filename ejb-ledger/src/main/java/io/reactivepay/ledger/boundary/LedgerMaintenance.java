package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.control.BalanceRoller;
import io.reactivepay.ledger.control.HoldStore;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** Background work of the ledger, each run in a short transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LedgerMaintenance {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    BalanceRoller roller;

    @Inject
    HoldStore holds;

    @Inject
    IdempotencyRecords idempotency;

    public int rollUpBalances(int maxAccounts) {
        return Jdbc.with(dataSource, "Rolling up balances", connection -> roller.rollUp(connection, maxAccounts));
    }

    public int purgeIdempotencyKeys(int limit) {
        return Jdbc.with(dataSource, "Purging idempotency keys", connection -> idempotency.purgeExpired(connection, limit));
    }

    public int expireHolds(int limit) {
        return Jdbc.with(dataSource, "Expiring holds", connection -> holds.expireDue(connection, limit));
    }
}
