package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.banking.BankTransferConnection;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.api.banking.Payout;
import io.reactivepay.connector.api.banking.StatementEntry;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.payments.api.Connectors;
import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.payments.control.JobLeases;
import io.reactivepay.payments.control.PayoutBooks;
import io.reactivepay.payments.control.PayoutRecord;
import io.reactivepay.payments.control.PayoutStore;
import io.reactivepay.payments.control.SettlementConfig;
import io.reactivepay.payments.control.StatementLines;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Payouts and the bank rail. A payout is handed over after the transaction that recorded it: the
 * attempt is recorded (commit), the bank is called outside any transaction, the outcome is recorded
 * (commit). Open payouts are resolved by {@link #reconcile}: booked statement lines that carry a
 * payout's end-to-end id (paid when debited, returned when credited back), then a status query for
 * those still open. A payout whose outcome is unknown is never sent again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankPayouts {

    /** What one reconciliation did. */
    public record Reconciliation(int statementLines, int paid, int failed, int checked) {
    }

    private static final System.Logger LOG = System.getLogger(BankPayouts.class.getName());
    private static final String STATEMENT_LEASE = "bank-statement-import";
    private static final int CHECK_BATCH = 50;

    @Resource(lookup = Connectors.BANK_TRANSFERS)
    BankTransferConnectionFactory bank;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    NewTransaction transactions;

    @EJB
    Merchants merchants;

    @Inject
    PayoutStore store;

    @EJB
    Ledger ledger;

    @EJB
    Outbox outbox;

    PayoutBooks books;

    @Inject
    StatementLines lines;

    @Inject
    JobLeases leases;

    @Inject
    SettlementConfig config;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        books = new PayoutBooks(ledger, outbox, store);
    }

    private final String instance = UUID.randomUUID().toString();

    /** Hands a payout never handed over to the bank and records what the bank said. */
    public void handOff(UUID payoutId) {
        Instant started = now();
        Optional<Attempt> attempt = inTransaction("Recording a payout attempt", connection -> {
            Optional<PayoutRecord> payout = store.startAttempt(connection, payoutId, started,
                    started.plus(config.payoutCheckInterval()));
            return payout.map(p -> new Attempt(p, merchants.bankAccount(p.merchantId())));
        });
        if (attempt.isEmpty()) {
            return;
        }
        PayoutRecord payout = attempt.get().payout();
        Optional<Payout> transfer = attempt.get().transfer();
        if (transfer.isEmpty()) {
            inTransaction("Failing a payout", connection -> books.fail(connection, payoutId, "invalid_bank_account", now()));
            return;
        }
        Outcome outcome = callBank(connection -> connection.payout(transfer.get()));
        LOG.log(System.Logger.Level.INFO, "Payout {0} of {1} handed to the bank: {2}", payout.id(), payout.amount(),
                outcome.getClass().getSimpleName());
        inTransaction("Recording a payout outcome", connection -> record(connection, payoutId, outcome));
    }

    /**
     * Imports new statements, then asks the bank about open payouts due for a check. Safe on several
     * instances. A line or payout that cannot be handled is logged and does not stop the others; a
     * payout left open is asked about again at its next check.
     */
    public Reconciliation reconcile() {
        int paid = 0;
        int failed = 0;
        List<StatementEntry> entries = importStatements();
        for (StatementEntry entry : entries) {
            try {
                StatementLines.Outcome outcome = inTransaction("Matching a statement line",
                        connection -> match(connection, entry));
                paid += outcome == StatementLines.Outcome.PAID ? 1 : 0;
                failed += outcome == StatementLines.Outcome.RETURNED ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Statement {0} line {1} not matched: {2}", entry.statementId(),
                        entry.entryReference(), e.toString());
            }
        }
        Instant now = now();
        List<PayoutRecord> due = inTransaction("Taking payouts due for a check",
                connection -> store.claimDue(connection, now, now.plus(config.payoutCheckInterval()), CHECK_BATCH));
        for (PayoutRecord payout : due) {
            try {
                if (payout.bankStage() == PayoutRecord.BankStage.NEW) {
                    handOff(payout.id()); // never attempted (the instance stopped after recording it): not a retry
                    continue;
                }
                Outcome outcome = callBank(connection -> connection.status(payout.endToEndId()));
                PayoutView.Status status = inTransaction("Recording a payout status",
                        connection -> record(connection, payout.id(), outcome));
                paid += status == PayoutView.Status.PAID ? 1 : 0;
                failed += status == PayoutView.Status.FAILED ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Payout {0} not checked, will be at its next check: {1}",
                        payout.id(), e.toString());
            }
        }
        return new Reconciliation(entries.size(), paid, failed, due.size());
    }

    private record Attempt(PayoutRecord payout, Optional<BankAccount> account) {

        Optional<Payout> transfer() {
            try {
                return account.map(a -> new Payout(payout.endToEndId(), payout.amount(), a.holder(), a.iban(),
                        payout.reference() == null ? "ReactivePay payout " + payout.endToEndId() : payout.reference()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private List<StatementEntry> importStatements() {
        Instant now = now();
        boolean leased = inTransaction("Taking the statement import lease", connection ->
                leases.acquire(connection, STATEMENT_LEASE, instance, now, now.plus(Duration.ofMinutes(5))));
        if (!leased) {
            return List.of();
        }
        try (BankTransferConnection connection = bank.getConnection()) {
            return connection.importStatements();
        } catch (RuntimeException e) {
            // the files stay in the inbox and the next run imports them
            LOG.log(System.Logger.Level.WARNING, "Bank statements not imported, will retry: {0}", e.toString());
            return List.of();
        } finally {
            inTransaction("Releasing the statement import lease", connection -> {
                leases.release(connection, STATEMENT_LEASE, instance, now());
                return null;
            });
        }
    }

    private StatementLines.Outcome match(java.sql.Connection connection, StatementEntry entry) throws java.sql.SQLException {
        if (lines.known(connection, entry)) {
            return StatementLines.Outcome.IGNORED;
        }
        Optional<PayoutRecord> payout = entry.endToEndId().isPresent()
                ? store.lockByEndToEndId(connection, entry.endToEndId().get()) : Optional.empty();
        StatementLines.Outcome outcome = StatementLines.Outcome.UNMATCHED;
        if (payout.isPresent() && payout.get().amount().currency().equals(entry.amount().currency())
                && Math.abs(entry.amount().minorUnits()) == payout.get().amount().minorUnits()) {
            PayoutRecord p = payout.get();
            if (entry.amount().isNegative()) {
                boolean changed = books.paid(connection, p.id(), entry.entryReference(), now());
                outcome = changed ? StatementLines.Outcome.PAID : StatementLines.Outcome.IGNORED;
            } else {
                boolean changed = books.fail(connection, p.id(), "returned", now());
                outcome = changed ? StatementLines.Outcome.RETURNED : StatementLines.Outcome.IGNORED;
            }
        } else if (payout.isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "Statement line {0} names payout {1} with another amount: left for review",
                    entry.entryReference(), payout.get().id());
        }
        lines.record(connection, entry, payout.map(PayoutRecord::id).orElse(null), outcome, now());
        return outcome;
    }

    /** Applies the bank's answer to an open payout; returns the payout's status afterwards. */
    private PayoutView.Status record(java.sql.Connection connection, UUID payoutId, Outcome outcome)
            throws java.sql.SQLException {
        Instant now = now();
        Instant nextCheck = now.plus(config.payoutCheckInterval());
        if (outcome instanceof Outcome.Approved approved) {
            books.paid(connection, payoutId, approved.reference(), now);
        } else if (outcome instanceof Outcome.Declined declined) {
            books.fail(connection, payoutId, declined.reason(), now);
        } else if (outcome instanceof Outcome.Pending pending) {
            store.recordStage(connection, payoutId, PayoutRecord.BankStage.SENT, pending.reference(), now, nextCheck);
        } else if (outcome instanceof Outcome.Unknown unknown) {
            LOG.log(System.Logger.Level.WARNING, "Payout {0}: the bank''s answer is unknown ({1}); asking again later",
                    payoutId, unknown.detail());
            store.recordStage(connection, payoutId, PayoutRecord.BankStage.UNKNOWN, null, now, nextCheck);
        }
        return store.find(connection, payoutId).orElseThrow().status();
    }

    private Outcome callBank(Function<BankTransferConnection, Outcome> call) {
        try (BankTransferConnection connection = bank.getConnection()) {
            return call.apply(connection);
        } catch (RuntimeException e) {
            return new Outcome.Unknown(e.toString());
        }
    }

    private <T> T inTransaction(String what, Jdbc.Work<T> work) {
        return transactions.call(() -> Jdbc.with(dataSource, what, work));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
