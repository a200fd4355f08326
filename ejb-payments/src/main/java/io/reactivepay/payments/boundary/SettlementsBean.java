package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.payments.api.BalanceView;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.SettlementView;
import io.reactivepay.payments.api.Settlements;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.payments.control.PayoutBooks;
import io.reactivepay.payments.control.PayoutStore;
import io.reactivepay.payments.control.ReserveShares;
import io.reactivepay.payments.control.SettlementConfig;
import io.reactivepay.payments.control.SettlementRecord;
import io.reactivepay.payments.control.SettlementReport;
import io.reactivepay.payments.control.SettlementStore;
import io.reactivepay.payments.control.Settler;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Balances, settlements and the daily settlement batch. The batch of a day settles, per merchant and
 * currency, the pending postings made before the day's batch time less the settlement delay; each
 * merchant and currency in a transaction of its own, so one that cannot be settled (a negative net the
 * available balance cannot cover) is deferred to the next batch without holding up the others.
 */
@Stateless
@LocalBean
public class SettlementsBean implements Settlements {

    /** What one run of a day's batch did: the settlements it made, how many it deferred, its report. */
    public record Batch(LocalDate day, List<SettlementView> settled, int deferred, Path report) {
    }

    private static final System.Logger LOG = System.getLogger(SettlementsBean.class.getName());
    private static final int MAX_LIST = 100;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    Ledger ledger;

    @EJB
    Merchants merchants;

    @EJB
    NewTransaction transactions;

    @EJB
    BankPayouts bank;

    @Inject
    SettlementStore store;

    @EJB
    Outbox outbox;

    Settler settler;

    ReserveShares reserves;

    @Inject
    SettlementConfig config;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        settler = new Settler(ledger, store, new PayoutBooks(ledger, outbox, new PayoutStore()));
        reserves = new ReserveShares(ledger);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BalanceView> balances(java.util.UUID merchantId) {
        List<MerchantLedgerAccounts> accounts = Jdbc.with(dataSource, "Reading merchant accounts",
                connection -> store.merchantAccounts(connection, merchantId));
        List<BalanceView> balances = new ArrayList<>();
        for (MerchantLedgerAccounts a : accounts) {
            balances.add(new BalanceView(ledger.balance(a.pending()).posted(), ledger.balance(a.available()).available(),
                    new Money(reserves.reserved(a), a.currency())));
        }
        return balances;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SettlementView> list(java.util.UUID merchantId, LocalDate from, LocalDate to, int limit) {
        if (from == null || to == null || from.isAfter(to)) {
            throw PaymentsException.invalid("from", "The period needs a start on or before its end");
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw PaymentsException.invalid("limit", "The limit must be from 1 to " + MAX_LIST);
        }
        return Jdbc.with(dataSource, "Listing settlements",
                connection -> store.list(connection, merchantId, from, to, limit)).stream()
                .map(SettlementRecord::view).toList();
    }

    /** Runs today's batch if its time has come; the scheduled job calls this every few minutes. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Batch> runDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (now.isBefore(today.atTime(config.batchTime()).toInstant(ZoneOffset.UTC))) {
            return Optional.empty();
        }
        return Optional.of(runBatch(today));
    }

    /**
     * Settles the day for every merchant and currency not settled yet, pays the nets out and writes the
     * day's report. Running it again, or on two instances at once, settles nothing twice.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Batch runBatch(LocalDate day) {
        Instant windowEnd = day.atTime(config.batchTime()).toInstant(ZoneOffset.UTC).minus(config.settlementDelay());
        List<MerchantLedgerAccounts> accounts = transactions.call(() -> Jdbc.with(dataSource, "Reading merchant accounts",
                connection -> store.merchantAccounts(connection, null)));
        List<SettlementView> settled = new ArrayList<>();
        int deferred = 0;
        for (MerchantLedgerAccounts a : accounts) {
            try {
                Optional<SettlementRecord> settlement = transactions.call(() -> Jdbc.with(dataSource, "Settling a merchant",
                        connection -> settler.settle(connection, a, day, windowEnd,
                                config.autoPayout() && merchants.bankAccount(a.merchantId()).isPresent(), now())));
                settlement.ifPresent(s -> settled.add(s.view()));
            } catch (RuntimeException e) {
                deferred++;
                LOG.log(System.Logger.Level.WARNING, "Settlement of merchant {0} in {1} for {2} deferred: {3}",
                        a.merchantId(), a.currency(), day, e.toString());
            }
        }
        for (SettlementView s : settled) {
            s.payoutId().ifPresent(bank::handOff);
        }
        Path report = SettlementReport.write(config.reportDirectory(), day, transactions.call(() -> Jdbc.with(dataSource,
                "Reading the day's settlements", connection -> store.ofDay(connection, day))));
        LOG.log(System.Logger.Level.INFO, "Settlement batch {0}: {1} settled, {2} deferred, report {3}", day,
                settled.size(), deferred, report);
        return new Batch(day, settled, deferred, report);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
