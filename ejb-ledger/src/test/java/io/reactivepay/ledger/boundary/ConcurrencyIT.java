package io.reactivepay.ledger.boundary;

import static io.reactivepay.ledger.boundary.LedgerDatabase.AUDIT;
import static io.reactivepay.ledger.boundary.LedgerDatabase.LEDGER;
import static io.reactivepay.ledger.boundary.LedgerDatabase.MAINTENANCE;
import static io.reactivepay.ledger.boundary.LedgerDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many threads posting random transfers among many accounts while half of all entries touch two hot
 * accounts (a merchant receiving payments, a fee account paying out), with the balance roll-up running
 * alongside: no lost update, no deadlock reaching a caller, and every invariant holds at the end.
 */
class ConcurrencyIT {

    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 400;
    private static final int ACCOUNTS = 50;
    private static final long OPENING = 5_000;

    @BeforeAll
    static void database() throws Exception {
        LedgerDatabase.start();
    }

    @Test
    void concurrentTransfersAmongManyAndTwoHotAccountsLoseNothingAndNeverDeadlock() throws Exception {
        List<UUID> wallets = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID wallet = LedgerIT.wallet();
            LedgerIT.topUp(wallet, OPENING);
            wallets.add(wallet);
        }
        UUID merchant = inTransaction(() -> LEDGER.openAccount(
                new OpenAccount("merchant:" + UUID.randomUUID(), LedgerIT.EUR, AccountKind.MERCHANT)).id());
        UUID fees = inTransaction(() -> LEDGER.systemAccount(SystemAccount.FEES, LedgerIT.EUR).id());
        long merchantBefore = LedgerIT.posted(merchant);
        long feesBefore = LedgerIT.posted(fees);

        AtomicInteger refused = new AtomicInteger();
        AtomicInteger toMerchant = new AtomicInteger();
        ConcurrentLinkedQueue<Long> merchantIn = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> feesOut = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        Future<?> roller = pool.submit(() -> {
            while (running.get()) {
                try {
                    inTransaction(() -> MAINTENANCE.rollUpBalances(1_000));
                    Thread.sleep(20);
                } catch (Exception e) {
                    failures.add(e);
                }
            }
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    UUID from = wallets.get(random.nextInt(ACCOUNTS));
                    UUID to = wallets.get(random.nextInt(ACCOUNTS));
                    long amount = 1 + random.nextInt(200);
                    int kind = random.nextInt(4);
                    if (kind == 0) {
                        to = merchant;
                    } else if (kind == 1) {
                        from = fees;
                    } else if (from.equals(to)) {
                        continue;
                    }
                    UUID debit = from;
                    UUID credit = to;
                    try {
                        inTransaction(() -> LEDGER.transfer("load", UUID.randomUUID().toString(), debit, credit,
                                Money.of(amount, "EUR"), EntryCode.TRANSFER));
                        if (credit.equals(merchant)) {
                            merchantIn.add(amount);
                            toMerchant.incrementAndGet();
                        }
                        if (debit.equals(fees)) {
                            feesOut.add(amount);
                        }
                    } catch (LedgerException e) {
                        if (e.errorCode().equals(LedgerException.INSUFFICIENT_FUNDS)) {
                            refused.incrementAndGet();
                        } else {
                            failures.add(e);
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        running.set(false);
        roller.get();
        pool.shutdown();

        assertTrue(failures.isEmpty(), "no caller saw a deadlock or any other failure: " + failures);
        assertTrue(toMerchant.get() > THREADS * TRANSFERS_PER_THREAD / 8, "the hot merchant was really hot");
        assertEquals(merchantBefore + merchantIn.stream().mapToLong(Long::longValue).sum(), LedgerIT.posted(merchant),
                "no credit to the hot merchant was lost");
        assertEquals(feesBefore - feesOut.stream().mapToLong(Long::longValue).sum(), LedgerIT.posted(fees),
                "no debit of the hot fee account was lost");
        inTransaction(() -> MAINTENANCE.rollUpBalances(100_000));
        InvariantReport report = inTransaction(AUDIT::verify);
        assertTrue(report.holds(), report.violations().toString());
        try (Connection connection = LedgerDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT count(*) FROM ledger.account WHERE floor_policy <> 'UNBOUNDED' "
                     + "AND balance_minor + coalesce((SELECT sum(amount_minor) FROM ledger.balance_delta d "
                     + "WHERE d.account_id = account.id), 0) < 0")) {
            row.next();
            assertEquals(0, row.getLong(1), "no wallet went below zero");
        }
    }
}
