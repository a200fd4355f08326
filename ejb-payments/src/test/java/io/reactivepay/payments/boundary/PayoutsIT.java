package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.PayoutDatabase.BANK;
import static io.reactivepay.payments.boundary.PayoutDatabase.CHECK_INTERVAL;
import static io.reactivepay.payments.boundary.PayoutDatabase.CLOCK;
import static io.reactivepay.payments.boundary.PayoutDatabase.PAYOUTS;
import static io.reactivepay.payments.boundary.PayoutDatabase.SETTLEMENTS;
import static io.reactivepay.payments.boundary.PayoutDatabase.accounts;
import static io.reactivepay.payments.boundary.PayoutDatabase.assertLedgerHolds;
import static io.reactivepay.payments.boundary.PayoutDatabase.bankDir;
import static io.reactivepay.payments.boundary.PayoutDatabase.count;
import static io.reactivepay.payments.boundary.PayoutDatabase.deliverStatement;
import static io.reactivepay.payments.boundary.PayoutDatabase.eur;
import static io.reactivepay.payments.boundary.PayoutDatabase.events;
import static io.reactivepay.payments.boundary.PayoutDatabase.fundAvailable;
import static io.reactivepay.payments.boundary.PayoutDatabase.merchant;
import static io.reactivepay.payments.boundary.PayoutDatabase.posted;
import static io.reactivepay.payments.boundary.PayoutDatabase.system;
import static io.reactivepay.payments.boundary.PayoutDatabase.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.BalanceView;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayout;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.payments.control.PayoutRecord;
import io.reactivepay.platform.json.Jsons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Payouts on the real ledger, the real merchants bean and the real bank adapter's files. */
class PayoutsIT {

    @BeforeAll
    static void start() throws Exception {
        PayoutDatabase.start();
    }

    private static MerchantCall call(UUID merchantId, String digest) {
        return new MerchantCall(merchantId, "key-" + UUID.randomUUID(), digest);
    }

    private static UUID idOf(Receipt receipt) {
        return UUID.fromString(Jsons.PROVIDER.createReader(new java.io.StringReader(receipt.body())).readObject()
                .getString("id"));
    }

    private static PayoutView payout(UUID merchantId, UUID payoutId) throws Exception {
        return tx(() -> PAYOUTS.find(merchantId, payoutId)).orElseThrow();
    }

    private static BalanceView balance(UUID merchantId) throws Exception {
        return tx(() -> SETTLEMENTS.balances(merchantId)).get(0);
    }

    private static Path payoutFile(UUID payoutId) throws Exception {
        try (var files = Files.list(bankDir.resolve("outbox"))) {
            String endToEnd = "<EndToEndId>" + PayoutRecord.endToEndId(payoutId) + "</EndToEndId>";
            for (Path file : files.toList()) {
                if (Files.readString(file).contains(endToEnd)) {
                    return file;
                }
            }
        }
        throw new AssertionError("no pain.001 file for payout " + payoutId);
    }

    private static void checkDuePayouts() {
        CLOCK.advance(CHECK_INTERVAL.plusSeconds(1));
        BANK.reconcile();
    }

    @Test
    void aPayoutIsWrittenForTheBankAndPaidWhenAStatementBooksIt() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 10_000);
        long world = posted(system(SystemAccount.WORLD));

        Receipt receipt = PAYOUTS.create(call(merchantId, "d1"), new NewPayout(eur(6_000), "November"));

        assertEquals(201, receipt.status());
        assertFalse(receipt.replayed());
        UUID payoutId = idOf(receipt);
        assertTrue(receipt.body().contains("\"status\":\"pending\"") && receipt.body().contains("\"amount\":\"60.00\""),
                receipt.body());
        assertEquals(4_000, balance(merchantId).available().minorUnits(), "debited when recorded");
        assertEquals(world + 6_000, posted(system(SystemAccount.WORLD)));
        String pain001 = Files.readString(payoutFile(payoutId));
        assertTrue(pain001.contains("<InstdAmt Ccy=\"EUR\">60.00</InstdAmt>") && pain001.contains(PayoutDatabase.IBAN),
                pain001);
        assertEquals(PayoutView.Status.PENDING, payout(merchantId, payoutId).status());

        deliverStatement(List.of(new PayoutDatabase.Line("BANK-" + payoutId, 6_000, true, PayoutRecord.endToEndId(payoutId))));
        BANK.reconcile();

        assertEquals(PayoutView.Status.PAID, payout(merchantId, payoutId).status());
        assertEquals(4_000, balance(merchantId).available().minorUnits(), "paid: nothing comes back");
        assertEquals(4_000, posted(accounts.available()));
        List<String> events = events(payoutId);
        assertEquals(2, events.size(), events::toString);
        assertTrue(events.get(0).startsWith("payout.pending {\"merchantId\":\"" + merchantId + "\",\"data\":{\"id\":\""
                + payoutId), events.get(0));
        assertTrue(events.get(1).startsWith("payout.paid ") && events.get(1).contains("\"status\":\"paid\""), events.get(1));
        assertLedgerHolds();
    }

    @Test
    void aPayoutAboveTheAvailableBalanceIsRefusedWithNoEffect() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 1_000);
        MerchantCall call = call(merchantId, "d2");

        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> PAYOUTS.create(call, new NewPayout(eur(1_001), null)));

        assertEquals(PaymentsException.AMOUNT_TOO_LARGE, refused.errorCode());
        assertEquals(1_000, posted(accounts.available()));
        assertEquals(0, count("SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchantId));
        assertEquals(0, count("SELECT count(*) FROM payments.receipt WHERE merchant_id = ?", merchantId),
                "a refusal leaves no receipt: the key may be used again");
        Receipt paid = PAYOUTS.create(call, new NewPayout(eur(1_000), null));
        assertEquals(201, paid.status(), "the whole balance may be paid out");
        assertEquals(0, posted(accounts.available()));
        assertLedgerHolds();
    }

    @Test
    void aMerchantWithoutABankAccountIsRefused() throws Exception {
        UUID merchantId = merchant(false);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 5_000);

        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> PAYOUTS.create(call(merchantId, "d3"), new NewPayout(eur(100), null)));

        assertEquals(PaymentsException.NO_BANK_ACCOUNT, refused.errorCode());
        assertEquals(5_000, posted(accounts.available()));
        assertEquals(0, count("SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchantId));
    }

    @Test
    void aPayoutTheBankReturnsFailsAndIsCreditedBack() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 8_000);
        UUID payoutId = idOf(PAYOUTS.create(call(merchantId, "d4"), new NewPayout(eur(7_500), null)));
        assertEquals(500, posted(accounts.available()));
        String endToEnd = PayoutRecord.endToEndId(payoutId);

        deliverStatement(List.of(new PayoutDatabase.Line("OUT-" + payoutId, 7_500, true, endToEnd),
                new PayoutDatabase.Line("RET-" + payoutId, 7_500, false, endToEnd)));
        BANK.reconcile();

        PayoutView failed = payout(merchantId, payoutId);
        assertEquals(PayoutView.Status.FAILED, failed.status());
        assertEquals("returned", failed.failureReason().orElseThrow());
        assertEquals(8_000, posted(accounts.available()), "credited back in full");
        assertEquals(8_000, balance(merchantId).available().minorUnits());
        List<String> events = events(payoutId);
        assertEquals(List.of("payout.pending", "payout.paid", "payout.failed"),
                events.stream().map(e -> e.substring(0, e.indexOf(' '))).toList());
        BANK.reconcile();
        assertEquals(8_000, posted(accounts.available()), "a statement is applied once");
        assertLedgerHolds();
    }

    @Test
    void aPayoutTheBankDoesNotHaveFailsOnTheStatusCheckAndIsCreditedBack() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 3_000);
        UUID payoutId = idOf(PAYOUTS.create(call(merchantId, "d5"), new NewPayout(eur(3_000), null)));
        Files.delete(payoutFile(payoutId)); // the bank rejected the file: it is gone from its folder

        BANK.reconcile();
        assertEquals(PayoutView.Status.PENDING, payout(merchantId, payoutId).status(), "not due for a check yet");
        checkDuePayouts();

        PayoutView failed = payout(merchantId, payoutId);
        assertEquals(PayoutView.Status.FAILED, failed.status());
        assertEquals("not_found", failed.failureReason().orElseThrow());
        assertEquals(3_000, posted(accounts.available()));
        assertLedgerHolds();
    }

    @Test
    void anUnknownOutcomeIsResolvedByTheJobAndNeverSentAgain() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 9_000);
        BankTransferConnectionFactory bank = BANK.bank;
        Path broken = Files.createTempDirectory(bankDir.getParent(), "broken-bank");
        Files.writeString(broken.resolve("outbox"), "not a folder"); // the bank's share is unreachable
        UUID lost;
        UUID booked;
        try {
            BANK.bank = PayoutDatabase.bank(broken);
            lost = idOf(PAYOUTS.create(call(merchantId, "d6"), new NewPayout(eur(2_000), null)));
            booked = idOf(PAYOUTS.create(call(merchantId, "d7"), new NewPayout(eur(3_000), null)));
        } finally {
            BANK.bank = bank;
        }
        assertEquals(4_000, posted(accounts.available()), "both recorded and debited");
        assertEquals("UNKNOWN", stage(lost));
        assertEquals("UNKNOWN", stage(booked));

        // the bank did get the second one after all: its statement books it
        deliverStatement(List.of(new PayoutDatabase.Line("BANK-" + booked, 3_000, true, PayoutRecord.endToEndId(booked))));
        checkDuePayouts();

        assertEquals(PayoutView.Status.PAID, payout(merchantId, booked).status());
        PayoutView failed = payout(merchantId, lost);
        assertEquals(PayoutView.Status.FAILED, failed.status(), "the bank says it never had it");
        assertEquals(6_000, posted(accounts.available()), "the lost one credited back, the booked one not");
        try (var files = Files.list(bankDir.resolve("outbox"))) {
            String all = String.join("\n", files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
            assertFalse(all.contains(PayoutRecord.endToEndId(lost)), "an unknown payout is not sent again");
        }
        assertEquals(1, count("SELECT attempts FROM payments.payout WHERE id = ?", lost));
        assertLedgerHolds();
    }

    @Test
    void aReplayedKeyReturnsTheFirstReceiptAndAnotherRequestUnderItIsRefused() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 5_000);
        MerchantCall call = call(merchantId, "digest-a");
        Receipt first = PAYOUTS.create(call, new NewPayout(eur(1_000), "one"));
        BANK.reconcile();

        Receipt again = PAYOUTS.create(call, new NewPayout(eur(1_000), "one"));

        assertTrue(again.replayed());
        assertEquals(first.status(), again.status());
        assertEquals(first.body(), again.body());
        PaymentsException reused = assertThrows(PaymentsException.class, () -> PAYOUTS.create(
                new MerchantCall(merchantId, call.idempotencyKey(), "digest-b"), new NewPayout(eur(2_000), "two")));
        assertEquals(PaymentsException.IDEMPOTENCY_KEY_REUSED, reused.errorCode());
        assertEquals(4_000, posted(accounts.available()));
        assertEquals(1, count("SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchantId));
        assertLedgerHolds();
    }

    @Test
    void twentyConcurrentDuplicatesMakeOnePayout() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 10_000);
        MerchantCall call = call(merchantId, "digest-c");
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Receipt>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                calls.add(threads.submit(() -> {
                    go.await();
                    return PAYOUTS.create(call, new NewPayout(eur(2_500), null));
                }));
            }
            go.countDown();
            Set<String> bodies = new HashSet<>();
            int replays = 0;
            for (Future<Receipt> receipt : calls) {
                Receipt r = receipt.get(60, TimeUnit.SECONDS);
                bodies.add(r.body());
                replays += r.replayed() ? 1 : 0;
            }
            assertEquals(1, bodies.size(), "every duplicate got the first answer");
            assertEquals(19, replays);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, count("SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchantId));
        assertEquals(7_500, posted(accounts.available()), "debited once");
        assertEquals(7_500, balance(merchantId).available().minorUnits());
        assertLedgerHolds();
    }

    @Test
    void concurrentPayoutsNeverTakeMoreThanIsAvailable() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 10_000);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Receipt>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                calls.add(threads.submit(() -> {
                    go.await();
                    return PAYOUTS.create(call(merchantId, "d"), new NewPayout(eur(3_000), null));
                }));
            }
            go.countDown();
            int paid = 0;
            int refused = 0;
            for (Future<Receipt> receipt : calls) {
                try {
                    receipt.get(60, TimeUnit.SECONDS);
                    paid++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertEquals(PaymentsException.AMOUNT_TOO_LARGE, ((PaymentsException) e.getCause()).errorCode());
                    refused++;
                }
            }
            assertEquals(List.of(3, 7), List.of(paid, refused));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1_000, posted(accounts.available()));
        assertEquals(3, count("SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchantId));
        assertLedgerHolds();
    }

    @Test
    void aPayoutInACurrencyTheMerchantNeverTookIsRefusedWithoutOpeningAccounts() throws Exception {
        UUID merchantId = merchant(true);
        fundAvailable(accounts(merchantId), 1_000);

        PaymentsException refused = assertThrows(PaymentsException.class, () -> PAYOUTS.create(call(merchantId, "d8"),
                new NewPayout(io.reactivepay.platform.money.Money.of(500, "USD"), null)));

        assertEquals(PaymentsException.AMOUNT_TOO_LARGE, refused.errorCode());
        assertEquals(1, count("SELECT count(*) FROM payments.merchant_account WHERE merchant_id = ?", merchantId));
    }

    @Test
    void aStatementLineWithAnotherAmountChangesNothingAndIsKeptForReview() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 5_000);
        UUID payoutId = idOf(PAYOUTS.create(call(merchantId, "d9"), new NewPayout(eur(5_000), null)));

        deliverStatement(List.of(new PayoutDatabase.Line("ODD-" + payoutId, 4_000, false, PayoutRecord.endToEndId(payoutId))));
        BANK.reconcile();

        assertEquals(PayoutView.Status.PENDING, payout(merchantId, payoutId).status());
        assertEquals(0, posted(accounts.available()), "no credit back for a line that does not match");
        assertEquals(1, count("SELECT count(*) FROM payments.bank_statement_line WHERE payout_id = ? "
                + "AND outcome = 'UNMATCHED'", payoutId));
        assertLedgerHolds();
    }

    @Test
    void aPayoutRecordedButNeverHandedOverIsSentByTheJob() throws Exception {
        UUID merchantId = merchant(true);
        MerchantLedgerAccounts accounts = accounts(merchantId);
        fundAvailable(accounts, 4_000);
        UUID payoutId = UUID.randomUUID();
        // the instance stopped right after the payout committed, before handing it to the bank
        tx(() -> PAYOUTS.books.open(PayoutDatabase.connection(), payoutId, accounts, eur(4_000), null, null,
                CLOCK.instant()));
        assertEquals("NEW", stage(payoutId));

        checkDuePayouts();

        assertEquals("SENT", stage(payoutId));
        assertTrue(Files.readString(payoutFile(payoutId)).contains("<InstdAmt Ccy=\"EUR\">40.00</InstdAmt>"));
        assertEquals(1, count("SELECT attempts FROM payments.payout WHERE id = ?", payoutId));
        assertEquals(0, posted(accounts.available()));
        assertLedgerHolds();
    }

    private static String stage(UUID payoutId) throws Exception {
        try (var connection = io.reactivepay.embedded.TestDatabase.connect();
             var select = connection.prepareStatement("SELECT bank_stage FROM payments.payout WHERE id = ?")) {
            select.setObject(1, payoutId);
            try (var row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
