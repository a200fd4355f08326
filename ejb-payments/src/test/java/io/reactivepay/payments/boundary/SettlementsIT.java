package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.PayoutDatabase.PAYOUTS;
import static io.reactivepay.payments.boundary.PayoutDatabase.accounts;
import static io.reactivepay.payments.boundary.PayoutDatabase.assertLedgerHolds;
import static io.reactivepay.payments.boundary.PayoutDatabase.capture;
import static io.reactivepay.payments.boundary.PayoutDatabase.chargeback;
import static io.reactivepay.payments.boundary.PayoutDatabase.config;
import static io.reactivepay.payments.boundary.PayoutDatabase.count;
import static io.reactivepay.payments.boundary.PayoutDatabase.merchant;
import static io.reactivepay.payments.boundary.PayoutDatabase.posted;
import static io.reactivepay.payments.boundary.PayoutDatabase.refund;
import static io.reactivepay.payments.boundary.PayoutDatabase.settlements;
import static io.reactivepay.payments.boundary.PayoutDatabase.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.embedded.TestClock;
import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.BalanceView;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.payments.api.SettlementView;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.payments.control.SettlementConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily settlement on the real ledger: captures, refunds and chargebacks posted to a merchant's
 * pending account as payments posts them, settled after the delay, paid out through the real bank adapter.
 */
class SettlementsIT {

    private static final LocalTime BATCH_TIME = LocalTime.of(2, 0);

    @BeforeAll
    static void start() throws Exception {
        PayoutDatabase.start();
    }

    /** A configuration whose window for {@code day} closes at {@code windowEnd}: the delay is what makes it so. */
    private static SettlementConfig closingAt(LocalDate day, Instant windowEnd, boolean autoPayout) {
        return config(Duration.between(windowEnd, day.atTime(BATCH_TIME).toInstant(ZoneOffset.UTC)), BATCH_TIME, autoPayout);
    }

    private static Optional<SettlementView> of(UUID merchantId, SettlementsBean.Batch batch) {
        return batch.settled().stream().filter(s -> s.merchantId().equals(merchantId)).findFirst();
    }

    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    @Test
    void settlementMovesExactlyTheDueMoneyOncePaysItOutAndReportsIt() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts a = accounts(merchantId);
        capture(a, 10_000, 290);
        capture(a, 5_000, 175);
        refund(a, 2_000);
        chargeback(a, 1_000);
        Instant windowEnd = pause();
        capture(a, 3_000, 100); // after the window: waits for the next batch
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        SettlementsBean settlements = settlements(closingAt(day, windowEnd, true));

        SettlementsBean.Batch batch = settlements.runBatch(day);

        SettlementView s = of(merchantId, batch).orElseThrow();
        assertEquals(day, s.day());
        assertEquals(15_000, s.gross().minorUnits());
        assertEquals(465, s.fees().minorUnits());
        assertEquals(2_000, s.refunds().minorUnits());
        assertEquals(1_000, s.chargebacks().minorUnits());
        assertEquals(11_535, s.net().minorUnits(), "150.00 - 4.65 - 20.00 - 10.00");
        assertEquals(2, s.payments());
        assertEquals(2_900, posted(a.pending()), "only the capture after the window is still pending");
        assertEquals(0, posted(a.available()), "the net was paid out at once");
        PayoutView payout = tx(() -> PAYOUTS.find(merchantId, s.payoutId().orElseThrow())).orElseThrow();
        assertEquals(11_535, payout.amount().minorUnits());
        assertEquals(Optional.of(s.id()), payout.settlementId());
        assertEquals(PayoutView.Status.PENDING, payout.status());
        BalanceView balance = tx(() -> settlements.balances(merchantId)).get(0);
        assertEquals(List.of(2_900L, 0L, 1_000L), List.of(balance.pending().minorUnits(),
                balance.available().minorUnits(), balance.reserved().minorUnits()), "pending, available, reserved");
        String report = Files.readString(batch.report());
        assertTrue(report.startsWith("settlement_id,merchant_id,day,currency,gross,fees,refunds,chargebacks,other,net,"
                + "payments,payout_id\n"), report);
        assertTrue(report.contains(s.id() + "," + merchantId + "," + day + ",EUR,150.00,4.65,20.00,10.00,0.00,115.35,2,"
                + payout.id() + "\n"), report);
        assertEquals(List.of(s), tx(() -> settlements.list(merchantId, day, day, 10)));
        assertLedgerHolds();

        SettlementsBean.Batch again = settlements.runBatch(day);

        assertTrue(of(merchantId, again).isEmpty(), "a day is settled once");
        assertEquals(2_900, posted(a.pending()));
        assertEquals(1, count("SELECT count(*) FROM payments.settlement WHERE merchant_id = ?", merchantId));
        assertEquals(1, count("SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchantId));

        LocalDate nextDay = day.plusDays(1);
        SettlementView next = of(merchantId, settlements(closingAt(nextDay, pause(), false)).runBatch(nextDay))
                .orElseThrow();

        assertEquals(List.of(3_000L, 100L, 0L, 0L, 2_900L, 1L), List.of(next.gross().minorUnits(), next.fees().minorUnits(),
                next.refunds().minorUnits(), next.chargebacks().minorUnits(), next.net().minorUnits(), (long) next.payments()),
                "the late capture, and not the first settlement's own transfer");
        assertTrue(next.payoutId().isEmpty(), "auto-payout off");
        assertEquals(0, posted(a.pending()));
        assertEquals(2_900, posted(a.available()));
        assertEquals(List.of(next, s), tx(() -> settlements.list(merchantId, day, nextDay, 10)));
        assertLedgerHolds();

        LocalDate quietDay = nextDay.plusDays(1);
        SettlementsBean.Batch quiet = settlements(closingAt(quietDay, pause(), false)).runBatch(quietDay);

        assertTrue(of(merchantId, quiet).isEmpty(), "only the last settlement's own transfer: nothing to settle");
        assertEquals(2, count("SELECT count(*) FROM payments.settlement WHERE merchant_id = ?", merchantId));
        assertEquals(0, posted(a.pending()));
        assertEquals(2_900, posted(a.available()));
    }

    @Test
    void nothingIsSettledBeforeTheDelayHasPassed() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts a = accounts(merchantId);
        Instant windowEnd = pause();
        capture(a, 4_000, 120);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);

        SettlementsBean.Batch batch = settlements(closingAt(day, windowEnd, true)).runBatch(day);

        assertTrue(of(merchantId, batch).isEmpty());
        assertEquals(3_880, posted(a.pending()));
        assertEquals(0, posted(a.available()));
        assertEquals(0, count("SELECT count(*) FROM payments.settlement WHERE merchant_id = ?", merchantId));
    }

    @Test
    void twoInstancesRunningTheSameBatchSettleEachMerchantOnce() throws Exception {
        UUID merchantId = merchant(false);
        MerchantLedgerAccounts a = accounts(merchantId);
        for (int i = 0; i < 30; i++) {
            capture(a, 1_000 + i, 30);
        }
        refund(a, 500);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        SettlementConfig config = closingAt(day, pause(), true);
        SettlementsBean first = settlements(config);
        SettlementsBean second = settlements(config);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<SettlementsBean.Batch> one = instances.submit(() -> {
                go.await();
                return first.runBatch(day);
            });
            Future<SettlementsBean.Batch> two = instances.submit(() -> {
                go.await();
                return second.runBatch(day);
            });
            go.countDown();
            int settled = of(merchantId, one.get(60, TimeUnit.SECONDS)).map(s -> 1).orElse(0)
                    + of(merchantId, two.get(60, TimeUnit.SECONDS)).map(s -> 1).orElse(0);
            assertEquals(1, settled);
        } finally {
            instances.shutdownNow();
        }
        long captured = 30 * 1_000 + (29 * 30) / 2 - 30 * 30;
        SettlementView s = tx(() -> first.list(merchantId, day, day, 10)).get(0);
        assertEquals(captured - 500, s.net().minorUnits());
        assertEquals(30, s.payments());
        assertTrue(s.payoutId().isEmpty(), "no bank account: the money stays available");
        assertEquals(0, posted(a.pending()));
        assertEquals(captured - 500, posted(a.available()));
        assertEquals(1, count("SELECT count(*) FROM payments.settlement WHERE merchant_id = ?", merchantId));
        assertLedgerHolds();
    }

    @Test
    void aMerchantThatCannotBeSettledIsDeferredWithNoEffectAndSettledByTheNextRun() throws Exception {
        UUID merchantId = merchant(false);
        MerchantLedgerAccounts a = accounts(merchantId);
        capture(a, 2_000, 60);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        SettlementsBean settlements = settlements(closingAt(day, pause(), true));
        tx(() -> PayoutDatabase.ledger.ledger.changeStatus(a.pending(), AccountStatus.FROZEN));

        SettlementsBean.Batch frozen = settlements.runBatch(day);

        assertTrue(of(merchantId, frozen).isEmpty());
        assertTrue(frozen.deferred() >= 1);
        assertEquals(1_940, posted(a.pending()));
        assertEquals(0, posted(a.available()));
        assertEquals(0, count("SELECT count(*) FROM payments.settlement WHERE merchant_id = ?", merchantId));
        assertEquals(0, count("SELECT coalesce(max(last_posting_id), 0) FROM payments.settlement_cursor "
                + "WHERE merchant_id = ?", merchantId), "the cursor did not move");

        tx(() -> PayoutDatabase.ledger.ledger.changeStatus(a.pending(), AccountStatus.OPEN));
        SettlementView s = of(merchantId, settlements.runBatch(day)).orElseThrow();

        assertEquals(1_940, s.net().minorUnits());
        assertEquals(0, posted(a.pending()));
        assertEquals(1_940, posted(a.available()));
        assertLedgerHolds();
    }

    @Test
    void theDueBatchRunsOnlyOnceItsTimeHasCome() throws Exception {
        UUID merchantId = merchant(false);
        MerchantLedgerAccounts a = accounts(merchantId);
        capture(a, 1_500, 45);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        SettlementsBean settlements = settlements(config(Duration.ZERO, BATCH_TIME, false));

        settlements.clock = new TestClock(tomorrow.atTime(BATCH_TIME).minusMinutes(1).toInstant(ZoneOffset.UTC));
        assertTrue(settlements.runDue().isEmpty(), "before the batch time");
        assertEquals(1_455, posted(a.pending()));

        settlements.clock = new TestClock(tomorrow.atTime(BATCH_TIME).plusMinutes(1).toInstant(ZoneOffset.UTC));
        SettlementsBean.Batch batch = settlements.runDue().orElseThrow();

        assertEquals(tomorrow, batch.day());
        assertEquals(1_455, of(merchantId, batch).orElseThrow().net().minorUnits());
        assertEquals(0, posted(a.pending()));
        assertEquals(1_455, posted(a.available()));
    }

    @Test
    void aListNeedsAPeriodAndALimit() throws Exception {
        SettlementsBean settlements = settlements(config(Duration.ofDays(1), BATCH_TIME, true));
        UUID merchantId = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        PaymentsException backwards = assertThrows(PaymentsException.class,
                () -> settlements.list(merchantId, today, today.minusDays(1), 10));
        PaymentsException tooMany = assertThrows(PaymentsException.class,
                () -> settlements.list(merchantId, today, today, 101));

        assertEquals(List.of(PaymentsException.INVALID_REQUEST, PaymentsException.INVALID_REQUEST),
                List.of(backwards.errorCode(), tooMany.errorCode()));
        assertEquals(List.of(Optional.of("from"), Optional.of("limit")), List.of(backwards.field(), tooMany.field()));
    }

    @Test
    void reservedIsTheMerchantsShareOfTheChargebackReserve() throws Exception {
        UUID merchantId = merchant(false);
        MerchantLedgerAccounts a = accounts(merchantId);
        MerchantLedgerAccounts other = accounts(merchant(false));
        capture(a, 10_000, 0);
        capture(other, 10_000, 0);
        String won = chargeback(a, 1_500);
        String lost = chargeback(a, 2_500);
        chargeback(a, 700);
        chargeback(other, 4_000);
        SettlementsBean settlements = settlements(config(Duration.ofDays(1), BATCH_TIME, true));
        assertEquals(4_700, tx(() -> settlements.balances(merchantId)).get(0).reserved().minorUnits());

        PayoutDatabase.closeChargeback(won, a.pending(), 1_500);
        PayoutDatabase.closeChargeback(lost, PayoutDatabase.system(SystemAccount.ACQUIRER_CLEARING), 2_500);

        BalanceView balance = tx(() -> settlements.balances(merchantId)).get(0);
        assertEquals(700, balance.reserved().minorUnits(), "only the open chargeback is still reserved");
        assertEquals(10_000 - 4_700 + 1_500, balance.pending().minorUnits(), "the won one came back");
        assertEquals(4_000, tx(() -> settlements.balances(other.merchantId())).get(0).reserved().minorUnits());
        assertLedgerHolds();
    }
}
