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

    static void assertRefused(io.reactivepay.platform.error.ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        BusinessException refused = assertThrows(BusinessException.class, call);
        assertEquals(code, refused.errorCode(), refused.getMessage());
    }
}
