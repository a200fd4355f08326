package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.Fixtures.EUR;
import static io.reactivepay.payments.boundary.Fixtures.activeMerchant;
import static io.reactivepay.payments.boundary.Fixtures.assertInvariants;
import static io.reactivepay.payments.boundary.Fixtures.available;
import static io.reactivepay.payments.boundary.Fixtures.call;
import static io.reactivepay.payments.boundary.Fixtures.card;
import static io.reactivepay.payments.boundary.Fixtures.events;
import static io.reactivepay.payments.boundary.Fixtures.id;
import static io.reactivepay.payments.boundary.Fixtures.json;
import static io.reactivepay.payments.boundary.Fixtures.pending;
import static io.reactivepay.payments.boundary.Fixtures.posted;
import static io.reactivepay.payments.boundary.Fixtures.system;
import static io.reactivepay.payments.boundary.PaymentsDatabase.chargebacks;
import static io.reactivepay.payments.boundary.PaymentsDatabase.payments;
import static io.reactivepay.payments.boundary.PaymentsDatabase.recovery;
import static io.reactivepay.payments.boundary.WalletPaymentsIT.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.connector.simulator.TestCard;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.ChargebackView;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.platform.money.Money;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Card payments through the real vault, the acquirer adapter and the acquirer simulator over HTTP. */
class CardPaymentsIT {

    private static final URI RETURN_URL = URI.create("https://shop.test/back");

    @BeforeAll
    static void start() throws Exception {
        PaymentsDatabase.start();
    }

    static NewPayment payment(long minor, Payer payer, CaptureMode capture) {
        return new NewPayment(new Money(minor, EUR), "order-" + UUID.randomUUID(), null, payer, capture, null,
                RETURN_URL, Map.of());
    }

    @Test
    void anApprovedCardIsCapturedAtOnceNetOfTheFeeAndRefundedInPart() throws Exception {
        UUID merchant = activeMerchant();
        UUID clearing = system(SystemAccount.ACQUIRER_CLEARING);
        long clearingBefore = posted(clearing);
        long feesBefore = posted(system(SystemAccount.FEES));
        Receipt receipt = payments.create(call(merchant), payment(10_000, card(TestCard.APPROVE.number()),
                CaptureMode.AUTOMATIC));
        assertEquals(201, receipt.status());
        JsonObject body = json(receipt.body());
        assertEquals("captured", body.getString("status"));
        assertEquals("424242******4242", body.getString("card"));
        UUID paymentId = id(receipt.body());
        assertEquals(-10_000, posted(clearing) - clearingBefore);
        assertEquals(9_835, posted(pending(merchant)));
        assertEquals(165, posted(system(SystemAccount.FEES)) - feesBefore);
        assertEquals(List.of("payment.created", "payment.authorised", "payment.captured"), events(paymentId));

        Receipt refund = payments.refund(call(merchant), paymentId, new NewRefund(Optional.of(new Money(2_000, EUR)),
                Optional.of("damaged")));
        assertEquals(201, refund.status());
        assertEquals("succeeded", json(refund.body()).getString("status"));
        assertEquals(7_835, posted(pending(merchant)));
        assertEquals(-8_000, posted(clearing) - clearingBefore);
        PaymentView after = payments.find(merchant, paymentId).orElseThrow();
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, after.status());
        assertEquals(new Money(2_000, EUR), after.refunded());
        assertRefused(PaymentsException.AMOUNT_TOO_LARGE, () -> payments.refund(call(merchant), paymentId,
                new NewRefund(Optional.of(new Money(8_001, EUR)), Optional.empty())));
        assertInvariants();
    }

    @Test
    void anUnansweredCardRefundStaysPendingWithTheMoneyReservedUntilTheResolverAsksAgain() throws Exception {
        UUID merchant = activeMerchant();
        UUID paymentId = id(payments.create(call(merchant), payment(10_000, card(TestCard.APPROVE.number()),
                CaptureMode.AUTOMATIC)).body());
        assertEquals(9_835, posted(pending(merchant)));
        MerchantCall call = call(merchant);
        NewRefund request = new NewRefund(Optional.of(new Money(3_000, EUR)), Optional.empty());
        Receipt pendingRefund = PaymentsDatabase.unreachable.refund(call, paymentId, request);
        assertEquals(202, pendingRefund.status());
        assertEquals("pending", json(pendingRefund.body()).getString("status"));
        assertEquals(9_835, posted(pending(merchant)), "not refunded yet");
        assertEquals(6_835, available(pending(merchant)), "but reserved, so it cannot be paid out");
        assertRefused(PaymentsException.AMOUNT_TOO_LARGE, () -> payments.refund(call(merchant), paymentId,
                new NewRefund(Optional.of(new Money(7_001, EUR)), Optional.empty())));
        Receipt inFlight = payments.refund(call, paymentId, request);
        assertEquals(202, inFlight.status());
        assertTrue(inFlight.replayed());

        Fixtures.execute("UPDATE payments.refund SET next_check_at = now() WHERE payment_id = ?", paymentId);
        assertTrue(recovery.resolveRefunds(100) >= 1);
        assertEquals(6_835, posted(pending(merchant)));
        assertEquals(6_835, available(pending(merchant)));
        assertEquals("succeeded", json(payments.refund(call, paymentId, request).body()).getString("status"));
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payments.find(merchant, paymentId).orElseThrow().status());
        assertEquals(List.of("payment.created", "payment.authorised", "payment.captured", "refund.succeeded",
                "payment.refunded"), events(paymentId));
        assertInvariants();
    }

    @Test
    void aManualAuthorisationIsHeldOnTheClearingSideThenCapturedInPart() throws Exception {
        UUID merchant = activeMerchant();
        UUID clearing = system(SystemAccount.ACQUIRER_CLEARING);
        long clearingBefore = posted(clearing);
        Receipt authorised = payments.create(call(merchant), payment(10_000, card(TestCard.APPROVE.number()),
                CaptureMode.MANUAL));
        assertEquals("authorised", json(authorised.body()).getString("status"));
        assertTrue(json(authorised.body()).containsKey("authorisationExpiresAt"));
        UUID paymentId = id(authorised.body());
        assertEquals(0, posted(pending(merchant)));
        assertEquals(0, posted(clearing) - clearingBefore);

        Receipt captured = payments.capture(call(merchant), paymentId, Optional.of(new Money(6_000, EUR)));
        assertEquals(200, captured.status());
        assertEquals("60.00", json(captured.body()).getString("captured"));
        assertEquals(6_000 - 84 - 25, posted(pending(merchant)));
        assertEquals(-6_000, posted(clearing) - clearingBefore);
        assertRefused(PaymentsException.INVALID_STATE, () -> payments.capture(call(merchant), paymentId,
                Optional.empty()));
        assertInvariants();
    }

    @Test
    void aVoidCancelsAtTheAcquirerAndReleasesTheHold() throws Exception {
        UUID merchant = activeMerchant();
        UUID paymentId = id(payments.create(call(merchant), payment(5_000, card(TestCard.APPROVE.number()),
                CaptureMode.MANUAL)).body());
        Receipt voided = payments.voidPayment(call(merchant), paymentId);
        assertEquals("voided", json(voided.body()).getString("status"));
        assertEquals(0, posted(pending(merchant)));
        assertEquals(List.of("payment.created", "payment.authorised", "payment.voided"), events(paymentId));
        assertRefused(PaymentsException.INVALID_STATE, () -> payments.capture(call(merchant), paymentId, Optional.empty()));
        assertInvariants();
    }

    @Test
    void anAcquirerDeclineIsADeclinedPaymentWithItsReasonAndMovesNothing() throws Exception {
        UUID merchant = activeMerchant();
        long clearingBefore = posted(system(SystemAccount.ACQUIRER_CLEARING));
        Receipt receipt = payments.create(call(merchant), payment(5_000, card(TestCard.DO_NOT_HONOUR.number()),
                CaptureMode.AUTOMATIC));
        JsonObject body = json(receipt.body());
        assertEquals("declined", body.getString("status"));
        assertEquals("do_not_honour", body.getString("declineReason"));
        assertEquals(0, posted(pending(merchant)));
        assertEquals(clearingBefore, posted(system(SystemAccount.ACQUIRER_CLEARING)));
        assertEquals(List.of("payment.created", "payment.declined"), events(id(receipt.body())));
        assertInvariants();
    }

    @Test
    void aThreeDSecureChallengeIsActionRequiredUntilTheResolverSeesItApproved() throws Exception {
        UUID merchant = activeMerchant();
        MerchantCall call = call(merchant);
        NewPayment request = payment(7_000, card(TestCard.THREE_D_SECURE.number()), CaptureMode.AUTOMATIC);
        Receipt receipt = payments.create(call, request);
        JsonObject body = json(receipt.body());
        assertEquals("action_required", body.getString("status"));
        URI challenge = URI.create(body.getString("challengeUrl"));
        UUID paymentId = id(receipt.body());
        assertEquals(0, posted(pending(merchant)));

        HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(challenge)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("result=authenticated")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(303, back.statusCode());
        recovery.resolveUnknown(100);
        assertEquals(PaymentStatus.CAPTURED, payments.find(merchant, paymentId).orElseThrow().status());
        assertEquals(7_000 - 98 - 25, posted(pending(merchant)));
        assertEquals(List.of("payment.created", "payment.action_required", "payment.authorised", "payment.captured"),
                events(paymentId));
        assertInvariants();
    }

    @Test
    void aChallengeNotCompletedInTimeFailsWithNothingReserved() throws Exception {
        UUID merchant = activeMerchant();
        Receipt receipt = payments.create(call(merchant), payment(2_000, card(TestCard.THREE_D_SECURE.number()),
                CaptureMode.AUTOMATIC));
        UUID paymentId = id(receipt.body());
        recovery.resolveUnknown(100);
        assertEquals(PaymentStatus.ACTION_REQUIRED, payments.find(merchant, paymentId).orElseThrow().status(),
                "still waiting for the customer");
        Fixtures.execute("UPDATE payments.payment SET created_at = now() - interval '2 hours' WHERE id = ?", paymentId);
        recovery.resolveUnknown(100);
        PaymentView failed = payments.find(merchant, paymentId).orElseThrow();
        assertEquals(PaymentStatus.FAILED, failed.status());
        assertEquals(Optional.of("challenge_not_completed"), failed.declineReason());
        assertEquals(0, posted(pending(merchant)));
        assertEquals(List.of("payment.created", "payment.action_required", "payment.failed"), events(paymentId));
        assertInvariants();
    }

    @Test
    void aTimeoutStaysAuthorisingUntilTheResolverAsksTheAcquirerNeverSendingItAgain() throws Exception {
        UUID merchant = activeMerchant();
        MerchantCall call = call(merchant);
        NewPayment request = payment(3_000, card(TestCard.SLOW.number()), CaptureMode.AUTOMATIC);
        Receipt receipt = payments.create(call, request);
        assertEquals(202, receipt.status());
        assertEquals("authorising", json(receipt.body()).getString("status"));
        UUID paymentId = id(receipt.body());
        Receipt inFlight = payments.create(call, request);
        assertEquals(202, inFlight.status());
        assertTrue(inFlight.replayed());
        assertEquals("authorising", json(inFlight.body()).getString("status"));
        assertEquals(0, posted(pending(merchant)));

        // the simulator recorded its approval before it sat on the answer: the status query finds it
        recovery.resolveUnknown(100);
        assertEquals(PaymentStatus.CAPTURED, payments.find(merchant, paymentId).orElseThrow().status());
        assertEquals(3_000 - 42 - 25, posted(pending(merchant)));
        Receipt replay = payments.create(call, request);
        assertEquals(201, replay.status());
        assertEquals("captured", json(replay.body()).getString("status"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM payments.payment WHERE merchant_id = ?", merchant));
        assertInvariants();
    }

    @Test
    void aCheckoutPaymentWaitsForTheCustomerAndIsPaidWithTheCardTheyEnter() throws Exception {
        UUID merchant = activeMerchant();
        Receipt created = payments.create(call(merchant), payment(4_200, new Payer.Checkout(), CaptureMode.AUTOMATIC));
        JsonObject body = json(created.body());
        assertEquals("created", body.getString("status"));
        String clientToken = body.getString("clientToken");
        assertEquals("http://localhost:8080/checkout/pay/" + clientToken, body.getString("checkoutUrl"));
        assertEquals(id(created.body()), payments.findByClientToken(clientToken).orElseThrow().id());
        assertFalse(payments.findByClientToken("nope").isPresent());

        Payer.CardToken card = card(TestCard.APPROVE.number());
        PaymentView paid = payments.payAtCheckout(clientToken, card.token(), "123");
        assertEquals(PaymentStatus.CAPTURED, paid.status());
        assertEquals(4_200 - 59 - 25, posted(pending(merchant)));
        assertRefused(PaymentsException.INVALID_STATE, () -> payments.payAtCheckout(clientToken, card.token(), "123"));
        assertInvariants();
    }

    @Test
    void aChargebackHoldsTheAmountInTheReserveAndIsWonBackOrLostWithAFee() throws Exception {
        UUID merchant = activeMerchant();
        UUID reserve = system(SystemAccount.CHARGEBACK_RESERVE);
        UUID clearing = system(SystemAccount.ACQUIRER_CLEARING);
        UUID fees = system(SystemAccount.FEES);
        UUID won = id(payments.create(call(merchant), payment(10_000, card(TestCard.APPROVE.number()),
                CaptureMode.AUTOMATIC)).body());
        UUID lost = id(payments.create(call(merchant), payment(10_000, card(TestCard.APPROVE.number()),
                CaptureMode.AUTOMATIC)).body());
        long net = 2 * 9_835;
        assertEquals(net, posted(pending(merchant)));
        long reserveBefore = posted(reserve);

        ChargebackView first = chargebacks.open(won, new Money(4_000, EUR), "not received", "staff:carla");
        assertEquals(ChargebackView.Status.OPEN, first.status());
        assertEquals(net - 4_000, posted(pending(merchant)));
        assertEquals(4_000, posted(reserve) - reserveBefore);
        assertEquals(PaymentStatus.CHARGEBACK, payments.find(merchant, won).orElseThrow().status());
        assertRefused(PaymentsException.INVALID_STATE, () -> chargebacks.open(won, new Money(1, EUR), "again", "staff:carla"));
        assertEquals(ChargebackView.Status.WON, chargebacks.win(first.id(), "staff:carla").status());
        assertEquals(net, posted(pending(merchant)));
        assertEquals(0, posted(reserve) - reserveBefore);
        assertEquals(PaymentStatus.CAPTURED, payments.find(merchant, won).orElseThrow().status());

        long clearingBefore = posted(clearing);
        long feesBefore = posted(fees);
        ChargebackView second = chargebacks.open(lost, new Money(10_000, EUR), "fraudulent", "staff:carla");
        ChargebackView closed = chargebacks.lose(second.id(), "staff:carla");
        assertEquals(ChargebackView.Status.LOST, closed.status());
        assertEquals(Optional.of(new Money(1_500, EUR)), closed.fee());
        assertEquals(net - 10_000 - 1_500, posted(pending(merchant)));
        assertEquals(10_000, posted(clearing) - clearingBefore);
        assertEquals(1_500, posted(fees) - feesBefore);
        assertEquals(0, posted(reserve) - reserveBefore);
        assertEquals(PaymentStatus.CHARGED_BACK, payments.find(merchant, lost).orElseThrow().status());
        assertRefused(PaymentsException.INVALID_STATE, () -> chargebacks.win(second.id(), "staff:carla"));
        assertEquals(List.of("payment.created", "payment.authorised", "payment.captured", "chargeback.opened",
                "chargeback.lost"), events(lost));
        assertEquals(2, Fixtures.count("SELECT count(*) FROM accounts.audit_log WHERE object_id = ?",
                second.id().toString()));
        assertInvariants();
    }
}
