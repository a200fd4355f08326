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
import java.util.UUID;
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

    /** Rolls up the next accounts of a pass, see {@link BalanceRoller#rollUp}. */
    public BalanceRoller.RollUp rollUpBalances(int maxAccounts, UUID after) {
        return Jdbc.with(dataSource, "Rolling up balances", connection -> roller.rollUp(connection, maxAccounts, after));
    }

    /** Rolls up the first {@code maxAccounts} accounts with balance changes; how many it folded. */
    public int rollUpBalances(int maxAccounts) {
        return rollUpBalances(maxAccounts, BalanceRoller.FIRST).accounts();
    }

    public int purgeIdempotencyKeys(int limit) {
        return Jdbc.with(dataSource, "Purging idempotency keys", connection -> idempotency.purgeExpired(connection, limit));
    }

    public int expireHolds(int limit) {
        return Jdbc.with(dataSource, "Expiring holds", connection -> holds.expireDue(connection, limit));
    }
}
