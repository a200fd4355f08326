package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.Holds;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerAudit;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.control.AccountStore;
import io.reactivepay.ledger.control.EntryBatch;
import io.reactivepay.ledger.control.HoldStore;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.ledger.control.InvariantChecker;
import io.reactivepay.ledger.control.Journal;
import io.reactivepay.ledger.control.OutboxWriter;
import javax.sql.DataSource;

/** The real ledger beans wired by hand, for the payments module's tests on TestDatabase. */
public final class LedgerBeans {

    public final Ledger ledger;
    public final Holds holds;
    public final LedgerAudit audit;
    public final Outbox outbox;

    public LedgerBeans(DataSource dataSource) {
        AccountStore accounts = new AccountStore();
        Journal journal = new Journal(accounts);
        IdempotencyRecords idempotency = new IdempotencyRecords();
        LedgerBean ledgerBean = new LedgerBean();
        ledgerBean.dataSource = dataSource;
        ledgerBean.accounts = accounts;
        ledgerBean.journal = journal;
        ledgerBean.idempotency = idempotency;
        ledgerBean.batch = new EntryBatch(accounts, journal, idempotency);
        HoldsBean holdsBean = new HoldsBean();
        holdsBean.dataSource = dataSource;
        holdsBean.holds = new HoldStore(accounts, journal);
        holdsBean.idempotency = idempotency;
        LedgerAuditBean auditBean = new LedgerAuditBean();
        auditBean.dataSource = dataSource;
        auditBean.checker = new InvariantChecker();
        OutboxBean outboxBean = new OutboxBean();
        outboxBean.dataSource = dataSource;
        outboxBean.writer = new OutboxWriter();
        this.ledger = ledgerBean;
        this.holds = holdsBean;
        this.audit = auditBean;
        this.outbox = outboxBean;
    }
}
