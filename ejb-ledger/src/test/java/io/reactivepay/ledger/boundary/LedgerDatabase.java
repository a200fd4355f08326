package io.reactivepay.ledger.boundary;

import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.ledger.control.AccountStore;
import io.reactivepay.ledger.control.BalanceRoller;
import io.reactivepay.ledger.control.EntryBatch;
import io.reactivepay.ledger.control.HoldStore;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.ledger.control.InvariantChecker;
import io.reactivepay.ledger.control.Journal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** The ledger's beans wired by hand on {@link TestDatabase}: the real SQL on a real PostgreSQL. */
final class LedgerDatabase {

    static final LedgerBean LEDGER = new LedgerBean();
    static final HoldsBean HOLDS = new HoldsBean();
    static final LedgerAuditBean AUDIT = new LedgerAuditBean();
    static final LedgerMaintenance MAINTENANCE = new LedgerMaintenance();

    private LedgerDatabase() {
    }

    static synchronized void start() throws Exception {
        TestDatabase.start("ledger");
        AccountStore accounts = new AccountStore();
        Journal journal = new Journal(accounts);
        HoldStore holds = new HoldStore(accounts, journal);
        IdempotencyRecords idempotency = new IdempotencyRecords();
        LEDGER.dataSource = TestDatabase.DATA_SOURCE;
        LEDGER.accounts = accounts;
        LEDGER.journal = journal;
        LEDGER.idempotency = idempotency;
        LEDGER.batch = new EntryBatch(accounts, journal, idempotency);
        HOLDS.dataSource = TestDatabase.DATA_SOURCE;
        HOLDS.holds = holds;
        HOLDS.idempotency = idempotency;
        AUDIT.dataSource = TestDatabase.DATA_SOURCE;
        AUDIT.checker = new InvariantChecker();
        MAINTENANCE.dataSource = TestDatabase.DATA_SOURCE;
        MAINTENANCE.roller = new BalanceRoller();
        MAINTENANCE.holds = holds;
        MAINTENANCE.idempotency = idempotency;
    }

    static <T> T inTransaction(Callable<T> work) throws Exception {
        return TestDatabase.inTransaction(work);
    }

    static Connection connect() throws SQLException {
        return TestDatabase.connect();
    }
}
