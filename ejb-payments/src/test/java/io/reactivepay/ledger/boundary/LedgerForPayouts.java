package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.control.AccountStore;
import io.reactivepay.ledger.control.EntryBatch;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.ledger.control.InvariantChecker;
import io.reactivepay.ledger.control.Journal;
import io.reactivepay.ledger.control.OutboxWriter;
import javax.sql.DataSource;

/** The real ledger beans wired by hand for the payouts and settlement tests on TestDatabase. */
public final class LedgerForPayouts {

    public final LedgerBean ledger = new LedgerBean();
    public final OutboxBean outbox = new OutboxBean();
    public final LedgerAuditBean audit = new LedgerAuditBean();

    public LedgerForPayouts(DataSource dataSource) {
        AccountStore accounts = new AccountStore();
        Journal journal = new Journal(accounts);
        IdempotencyRecords idempotency = new IdempotencyRecords();
        ledger.dataSource = dataSource;
        ledger.accounts = accounts;
        ledger.journal = journal;
        ledger.idempotency = idempotency;
        ledger.batch = new EntryBatch(accounts, journal, idempotency);
        outbox.dataSource = dataSource;
        outbox.writer = new OutboxWriter();
        audit.dataSource = dataSource;
        audit.checker = new InvariantChecker();
    }
}
