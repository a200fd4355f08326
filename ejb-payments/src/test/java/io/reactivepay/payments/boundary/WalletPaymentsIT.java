package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.Fixtures.EUR;
import static io.reactivepay.payments.boundary.Fixtures.activeMerchant;
import static io.reactivepay.payments.boundary.Fixtures.assertInvariants;
import static io.reactivepay.payments.boundary.Fixtures.available;
import static io.reactivepay.payments.boundary.Fixtures.call;
import static io.reactivepay.payments.boundary.Fixtures.count;
import static io.reactivepay.payments.boundary.Fixtures.customer;
import static io.reactivepay.payments.boundary.Fixtures.events;
import static io.reactivepay.payments.boundary.Fixtures.execute;
import static io.reactivepay.payments.boundary.Fixtures.id;
import static io.reactivepay.payments.boundary.Fixtures.json;
import static io.reactivepay.payments.boundary.Fixtures.pending;
import static io.reactivepay.payments.boundary.Fixtures.posted;
import static io.reactivepay.payments.boundary.Fixtures.system;
import static io.reactivepay.payments.boundary.PaymentsDatabase.payments;
import static io.reactivepay.payments.boundary.PaymentsDatabase.recovery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.StatementLine;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.money.Money;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wallet payments end to end on the real ledger, accounts, fraud and wallet tables. */
class WalletPaymentsIT {

    @BeforeAll
    static void start() throws Exception {
        PaymentsDatabase.start();
    }

    static NewPayment payment(long minor, Payer payer, CaptureMode capture) {
        return new NewPayment(new Money(minor, EUR), "order-" + UUID.randomUUID(), "A test order", payer, capture,
                null, null, Map.of("cart", "42"));
    }

    @Test
    void answeredReceiptsPastTheirRetentionArePurgedWhileCallsStillWithoutAnswerStay() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(5_000);
        MerchantCall old = call(merchant);
        MerchantCall recent = call(merchant);
        payments.create(old, payment(1_000, alice.payer(), CaptureMode.AUTOMATIC));
        payments.create(recent, payment(1_000, alice.payer(), CaptureMode.AUTOMATIC));
        execute("UPDATE payments.receipt SET created_at = now() - interval '31 days' WHERE idempotency_key = ?", old.idempotencyKey());
        MerchantCall inFlight = call(merchant);
        execute("INSERT INTO payments.receipt (merchant_id, idempotency_key, request_digest, created_at) VALUES ('"
                + merchant + "', ?, 'digest', now() - interval '90 days')", inFlight.idempotencyKey());
        ReceiptsBean purge = new ReceiptsBean();
        purge.dataSource = io.reactivepay.embedded.TestDatabase.DATA_SOURCE;
        purge.receipts = new io.reactivepay.payments.control.Receipts();
        purge.config = PaymentsDatabase.config;
        int purged = PaymentsDatabase.inTransaction(() -> purge.purgeExpired(1_000));

        assertTrue(purged >= 1, "the 31-day-old answer is past the 30 days kept");
        assertEquals(0, count("SELECT count(*) FROM payments.receipt WHERE idempotency_key = ?", old.idempotencyKey()));
        assertEquals(1, count("SELECT count(*) FROM payments.receipt WHERE idempotency_key = ?", recent.idempotencyKey()));
        assertEquals(1, count("SELECT count(*) FROM payments.receipt WHERE idempotency_key = ?", inFlight.idempotencyKey()),
                "a call without its answer is kept, whatever its age");
        assertEquals(2, count("SELECT count(*) FROM payments.payment WHERE merchant_id = ?", merchant), "payments stay");
        assertThrows(IllegalArgumentException.class, () -> new io.reactivepay.payments.control.PaymentsConfig(
                "http://localhost:8080/checkout", new java.math.BigDecimal("1.4"), 25, 0, 0, 60, 0, 1500, 2, 200, 60, 6));
    }

    @Test
    void aWalletPaymentDebitsTheWalletAndCreditsTheMerchantNetOfTheFeeThenRefundsInParts() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(20_000);
        Fixtures.Customer bob = customer(5_000);
        // the merchant's earlier sale: a full refund takes back the gross, more than the net it was paid
        payments.create(call(merchant), payment(5_000, bob.payer(), CaptureMode.AUTOMATIC));
        assertEquals(4_905, posted(pending(merchant)), "50.00 less 0.70 and 0.25");
        long feesBefore = posted(system(SystemAccount.FEES));

        Receipt receipt = payments.create(call(merchant), payment(10_000, alice.payer(), CaptureMode.AUTOMATIC));
        assertEquals(201, receipt.status());
        JsonObject body = json(receipt.body());
        assertEquals("captured", body.getString("status"));
        assertEquals("100.00", body.getString("captured"));
        assertEquals("1.65", body.getJsonObject("fee").getString("amount"), "1.4 % of 100.00 plus 0.25");
        UUID paymentId = id(receipt.body());
        assertEquals(10_000, posted(alice.account()));
        assertEquals(4_905 + 9_835, posted(pending(merchant)));
        assertEquals(165, posted(system(SystemAccount.FEES)) - feesBefore);
        UUID pendingAccount = pending(merchant);
        List<StatementLine> lines = PaymentsDatabase.inTransaction(() ->
                PaymentsDatabase.ledger.ledger.statement(pendingAccount, 0, 10));
        Entry entry = PaymentsDatabase.inTransaction(() -> PaymentsDatabase.ledger.ledger.entry(lines.get(1).entryId()))
                .orElseThrow();
        assertEquals(Map.of("paymentId", paymentId.toString(), "gross", "10000", "fee", "165"), entry.metadata());
        assertEquals(List.of("payment.created", "payment.captured"), events(paymentId));

        Receipt partial = payments.refund(call(merchant), paymentId, new NewRefund(Optional.of(new Money(3_000, EUR)),
                Optional.of("one item back")));
        assertEquals(201, partial.status());
        assertEquals("succeeded", json(partial.body()).getString("status"));
        assertEquals(13_000, posted(alice.account()));
        assertEquals(4_905 + 6_835, posted(pending(merchant)));
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payments.find(merchant, paymentId).orElseThrow().status());

        Receipt rest = payments.refund(call(merchant), paymentId, new NewRefund(Optional.empty(), Optional.empty()));
        assertEquals("70.00", json(rest.body()).getString("amount"));
        assertEquals(20_000, posted(alice.account()));
        assertEquals(4_905 - 165, posted(pending(merchant)), "the fee is not given back");
        assertEquals(PaymentStatus.REFUNDED, payments.find(merchant, paymentId).orElseThrow().status());
        assertEquals(2, payments.refunds(merchant, paymentId).size());
        assertEquals(List.of("payment.created", "payment.captured", "refund.succeeded", "payment.refunded",
                "refund.succeeded", "payment.refunded"), events(paymentId));
        assertRefused(PaymentsException.INVALID_STATE, () -> payments.refund(call(merchant), paymentId,
                new NewRefund(Optional.of(new Money(1, EUR)), Optional.empty())));
        assertInvariants();
    }

    @Test
    void aReplayedKeyReturnsTheFirstReceiptAndAReusedKeyIsRefused() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(10_000);
        MerchantCall call = call(merchant);
        NewPayment request = payment(2_500, alice.payer(), CaptureMode.AUTOMATIC);
        Receipt first = payments.create(call, request);
        Receipt replay = payments.create(call, request);
        assertFalse(first.replayed());
        assertTrue(replay.replayed());
        assertEquals(first.body(), replay.body());
        assertEquals(first.status(), replay.status());
        assertRefused(PaymentsException.IDEMPOTENCY_KEY_REUSED, () -> payments.create(
                new MerchantCall(merchant, call.idempotencyKey(), "another-digest"), request));
        assertEquals(7_500, posted(alice.account()), "debited once");
        assertEquals(1, count("SELECT count(*) FROM payments.payment WHERE merchant_id = ?", merchant));
        assertInvariants();
    }

    @Test
    void twentyConcurrentDuplicatesMakeExactlyOnePayment() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(10_000);
        MerchantCall call = call(merchant);
        NewPayment request = payment(1_000, alice.payer(), CaptureMode.AUTOMATIC);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Receipt>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> payments.create(call, request)));
            }
            List<Receipt> receipts = new ArrayList<>();
            for (Future<Receipt> future : futures) {
                receipts.add(future.get());
            }
            assertEquals(1, receipts.stream().filter(r -> !r.replayed()).count());
            assertEquals(1, receipts.stream().map(Receipt::body).distinct().count());
        } finally {
            pool.shutdown();
        }
        assertEquals(9_000, posted(alice.account()));
        assertEquals(1_000 - 14 - 25, posted(pending(merchant)));
        assertEquals(1, count("SELECT count(*) FROM payments.payment WHERE merchant_id = ?", merchant));
        assertInvariants();
    }

    @Test
    void insufficientWalletFundsAreRefusedByTheLedgerAndLeaveNoPaymentAndNoReceipt() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(1_000);
        MerchantCall call = call(merchant);
        LedgerException refused = assertThrows(LedgerException.class, () ->
                payments.create(call, payment(2_000, alice.payer(), CaptureMode.AUTOMATIC)));
        assertEquals(LedgerException.INSUFFICIENT_FUNDS, refused.errorCode());
        assertEquals(0, count("SELECT count(*) FROM payments.payment WHERE merchant_id = ?", merchant));
        assertEquals(0, count("SELECT count(*) FROM payments.receipt WHERE merchant_id = ?", merchant));
        assertEquals(1_000, posted(alice.account()));
        assertInvariants();
    }

    @Test
    void anotherCustomersTokenOrAnInactiveMerchantIsRefusedWithNothingRecorded() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(1_000);
        Fixtures.Customer mallory = customer(0);
        assertRefused(PaymentsException.WALLET_NOT_AUTHORISED, () -> payments.create(call(merchant),
                payment(500, new Payer.Wallet(alice.wallet().id(), mallory.token()), CaptureMode.AUTOMATIC)));
        assertRefused(PaymentsException.WALLET_NOT_AUTHORISED, () -> payments.create(call(merchant),
                payment(500, new Payer.Wallet(alice.wallet().id(), "not-a-token"), CaptureMode.AUTOMATIC)));
        assertRefused(PaymentsException.WALLET_NOT_FOUND, () -> payments.create(call(merchant),
                payment(500, new Payer.Wallet(UUID.randomUUID(), alice.token()), CaptureMode.AUTOMATIC)));
        assertRefused(PaymentsException.MERCHANT_NOT_ACTIVE, () -> payments.create(call(UUID.randomUUID()),
                payment(500, alice.payer(), CaptureMode.AUTOMATIC)));
        assertEquals(0, count("SELECT count(*) FROM payments.receipt WHERE merchant_id = ?", merchant));
        assertEquals(1_000, posted(alice.account()));
    }

    @Test
    void aFraudDeclineIsADeclinedPaymentWithItsRiskAndMovesNothing() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(1_000);
        String email = "fraudster-" + UUID.randomUUID() + "@example.com";
        PaymentsDatabase.inTransaction(() -> PaymentsDatabase.fraud.lists.add(new io.reactivepay.fraud.api.ListEntryRequest(
                io.reactivepay.fraud.api.ListType.BLACK, io.reactivepay.fraud.api.PartyKind.EMAIL, email, "chargebacks",
                null, false), "risk:test"));
        NewPayment request = new NewPayment(new Money(500, EUR), "order-1", null, alice.payer(), CaptureMode.AUTOMATIC,
                new io.reactivepay.payments.api.Customer(email, null, null, null, null), null, Map.of());
        Receipt receipt = payments.create(call(merchant), request);
        JsonObject body = json(receipt.body());
        assertEquals("declined", body.getString("status"));
        assertEquals("decline", body.getJsonObject("risk").getString("decision"));
        assertEquals(1_000, posted(alice.account()));
        assertEquals(List.of("payment.created", "payment.declined"), events(id(receipt.body())));
        assertInvariants();
    }

    @Test
    void aPaymentHeldForReviewWaitsAndIsTakenOnceApproved() throws Exception {
        UUID merchant = activeMerchant();
        PaymentsDatabase.inTransaction(() -> PaymentsDatabase.fraud.rules.save(new io.reactivepay.fraud.api.RuleDefinition(
                "amount-max-eur", merchant.toString(), io.reactivepay.fraud.api.RuleKind.AMOUNT_MAX,
                io.reactivepay.fraud.api.RuleAction.REVIEW, 0, true, "EUR", 5_000L, null, null, null), "risk:test"));
        Fixtures.Customer alice = customer(20_000);
        Receipt held = payments.create(call(merchant), payment(8_000, alice.payer(), CaptureMode.AUTOMATIC));
        assertEquals("held", json(held.body()).getString("status"));
        UUID paymentId = id(held.body());
        assertEquals(20_000, posted(alice.account()));
        assertEquals(PaymentStatus.CAPTURED, payments.decideReview(paymentId, true, "customer confirmed", "risk:rita")
                .status());
        assertEquals(12_000, posted(alice.account()));
        assertRefused(PaymentsException.INVALID_STATE, () -> payments.decideReview(paymentId, false, "late", "risk:rita"));

        Receipt declined = payments.create(call(merchant), payment(9_000, alice.payer(), CaptureMode.AUTOMATIC));
        assertEquals(PaymentStatus.DECLINED, payments.decideReview(id(declined.body()), false, "stolen", "risk:rita")
                .status());
        assertEquals(12_000, posted(alice.account()));
        assertEquals(List.of("payment.created", "payment.held", "payment.declined"), events(id(declined.body())));
        assertInvariants();
    }

    @Test
    void aManualWalletPaymentIsHeldThenCapturedInPartAndTheRestReleased() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(10_000);
        Receipt authorised = payments.create(call(merchant), payment(4_000, alice.payer(), CaptureMode.MANUAL));
        assertEquals("authorised", json(authorised.body()).getString("status"));
        UUID paymentId = id(authorised.body());
        assertEquals(6_000, available(alice.account()));
        assertEquals(10_000, posted(alice.account()));
        assertRefused(PaymentsException.AMOUNT_TOO_LARGE, () -> payments.capture(call(merchant), paymentId,
                Optional.of(new Money(4_001, EUR))));
        assertRefused(PaymentsException.PAYMENT_NOT_FOUND, () -> payments.capture(call(activeMerchant()), paymentId,
                Optional.empty()));
        Receipt captured = payments.capture(call(merchant), paymentId, Optional.of(new Money(2_500, EUR)));
        assertEquals(200, captured.status());
        assertEquals("25.00", json(captured.body()).getString("captured"));
        assertEquals(7_500, posted(alice.account()));
        assertEquals(7_500, available(alice.account()));
        assertEquals(2_500 - 35 - 25, posted(pending(merchant)));
        assertRefused(PaymentsException.INVALID_STATE, () -> payments.voidPayment(call(merchant), paymentId));
        assertInvariants();
    }

    @Test
    void aVoidReleasesAndAnUncapturedAuthorisationExpires() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(10_000);
        UUID voided = id(payments.create(call(merchant), payment(3_000, alice.payer(), CaptureMode.MANUAL)).body());
        UUID expiring = id(payments.create(call(merchant), payment(2_000, alice.payer(), CaptureMode.MANUAL)).body());
        assertEquals(5_000, available(alice.account()));
        assertEquals("voided", json(payments.voidPayment(call(merchant), voided).body()).getString("status"));
        assertEquals(8_000, available(alice.account()));

        execute("UPDATE payments.payment SET authorisation_expires_at = now() - interval '1 second' WHERE id = ?",
                expiring);
        assertTrue(recovery.expireDue(100) >= 1);
        assertEquals(PaymentStatus.EXPIRED, payments.find(merchant, expiring).orElseThrow().status());
        assertEquals(10_000, available(alice.account()));
        assertEquals(10_000, posted(alice.account()));
        assertEquals(0, posted(pending(merchant)));
        assertEquals(List.of("payment.created", "payment.authorised", "payment.expired"), events(expiring));
        assertInvariants();
    }

    @Test
    void aMerchantsOwnRatePlanIsRoundedHalfEvenOnceAndCappedAtItsMaximum() throws Exception {
        UUID merchant = activeMerchant();
        PaymentsDatabase.inTransaction(() -> {
            try (java.sql.Connection connection = io.reactivepay.embedded.TestDatabase.DATA_SOURCE.getConnection()) {
                new io.reactivepay.payments.control.RatePlans().put(connection, merchant,
                        io.reactivepay.payments.api.PaymentMethod.WALLET, EUR, new io.reactivepay.payments.control.RatePlan(
                                new java.math.BigDecimal("0.5"), 0, 2, java.util.OptionalLong.of(6)));
            }
            return null;
        });
        Fixtures.Customer alice = customer(200_000);
        // in minor units: 2.5 -> 2 and 4.5 -> 4 (half-even), 3.5 -> 4, 0.5 -> 0 raised to the minimum 2, 10 capped at 6
        long[][] cases = {{500, 2}, {900, 4}, {700, 4}, {100, 2}, {2_000, 6}};
        long expectedPending = 0;
        for (long[] c : cases) {
            Receipt receipt = payments.create(call(merchant), payment(c[0], alice.payer(), CaptureMode.AUTOMATIC));
            assertEquals(new Money(c[1], EUR).toDecimalString(),
                    json(receipt.body()).getJsonObject("fee").getString("amount"), "fee on " + c[0]);
            expectedPending += c[0] - c[1];
        }
        assertEquals(expectedPending, posted(pending(merchant)));
        assertInvariants();
    }

    @Test
    void eventsCarryTheMerchantAndThePaymentAsTheApiShowsIt() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(1_000);
        Receipt receipt = payments.create(call(merchant), payment(700, alice.payer(), CaptureMode.MANUAL));
        UUID paymentId = id(receipt.body());
        List<String> payloads = Fixtures.strings("SELECT payload FROM ledger.outbox WHERE topic = 'payments.events' "
                + "AND event_key = ? ORDER BY id", paymentId.toString());
        assertEquals(2, payloads.size());
        JsonObject authorised = json(payloads.get(1));
        assertEquals(merchant.toString(), authorised.getString("merchantId"));
        assertEquals(json(receipt.body()), authorised.getJsonObject("data"), "the receipt and the event show the same payment");
        assertEquals("created", json(payloads.get(0)).getJsonObject("data").getString("status"));
    }

    @Test
    void aMerchantListsItsOwnPaymentsNewestFirstPageByPageWithFilters() throws Exception {
        UUID merchant = activeMerchant();
        Fixtures.Customer alice = customer(10_000);
        List<UUID> made = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            made.add(id(PaymentsDatabase.perCall.create(call(merchant), payment(i * 100L, alice.payer(),
                    CaptureMode.AUTOMATIC)).body()));
        }
        io.reactivepay.payments.api.Page<io.reactivepay.payments.api.PaymentView> first = payments.list(merchant,
                new io.reactivepay.payments.api.PaymentQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 3));
        assertEquals(List.of(made.get(4), made.get(3), made.get(2)),
                first.items().stream().map(io.reactivepay.payments.api.PaymentView::id).toList());
        io.reactivepay.payments.api.Page<io.reactivepay.payments.api.PaymentView> second = payments.list(merchant,
                new io.reactivepay.payments.api.PaymentQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), first.nextCursor(), 3));
        assertEquals(List.of(made.get(1), made.get(0)),
                second.items().stream().map(io.reactivepay.payments.api.PaymentView::id).toList());
        assertTrue(second.nextCursor().isEmpty());
        io.reactivepay.payments.api.Page<io.reactivepay.payments.api.PaymentView> filtered = payments.list(merchant,
                new io.reactivepay.payments.api.PaymentQuery(Optional.of(PaymentStatus.CAPTURED), Optional.empty(),
                        Optional.empty(), Optional.of(200L), Optional.of(400L), Optional.empty(), Optional.empty(), 10));
        assertEquals(3, filtered.items().size());
        assertTrue(payments.list(activeMerchant(), new io.reactivepay.payments.api.PaymentQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10)).items().isEmpty(), "another merchant sees none of them");
        assertTrue(payments.find(activeMerchant(), made.get(0)).isEmpty());
        assertRefused(PaymentsException.INVALID_REQUEST, () -> payments.list(merchant,
                new io.reactivepay.payments.api.PaymentQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("garbage"), 3)));
        assertEquals(10_000 - 1_500, posted(alice.account()), "five payments of 1.00 to 5.00");
    }

    static void assertRefused(io.reactivepay.platform.error.ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        BusinessException refused = assertThrows(BusinessException.class, call);
        assertEquals(code, refused.errorCode(), refused.getMessage());
    }
}
