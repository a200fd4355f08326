package io.reactivepay.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.money.Money;
import io.reactivepay.rest.problem.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MerchantRequestsTest {

    private static final UUID WALLET = UUID.fromString("0b3f6c55-6a8e-4a59-9d0e-54a2f3a9a001");

    @Test
    void aWalletPaymentBecomesTheRecordWithExactMinorUnits() {
        NewPayment payment = MerchantRequests.payment(bytes("{\"amount\":\"12.34\",\"currency\":\"EUR\",\"reference\":\"o-1\","
                + "\"method\":\"wallet\",\"wallet\":{\"id\":\"" + WALLET + "\",\"customerToken\":\"tok\"},\"capture\":\"manual\","
                + "\"metadata\":{\"cart\":\"42\"},\"customer\":{\"country\":\"DE\"}}"));
        assertEquals(Money.of(1234, "EUR"), payment.amount());
        assertEquals(new Payer.Wallet(WALLET, "tok"), payment.payer());
        assertEquals(CaptureMode.MANUAL, payment.capture());
        assertEquals(Map.of("cart", "42"), payment.metadata());
        assertEquals("DE", payment.customer().country());
    }

    @Test
    void theCurrencyGivesTheScale() {
        assertEquals(1200, MerchantRequests.payout(bytes("{\"amount\":\"1200\",\"currency\":\"JPY\"}")).amount().minorUnits());
        assertEquals(1234, MerchantRequests.payout(bytes("{\"amount\":\"1.234\",\"currency\":\"KWD\"}")).amount().minorUnits());
        assertEquals(1230, MerchantRequests.payout(bytes("{\"amount\":\"12.30\",\"currency\":\"EUR\"}")).amount().minorUnits());
        refused("{\"amount\":\"1.5\",\"currency\":\"JPY\"}", ApiException.INVALID_AMOUNT.code(), "amount");
        refused("{\"amount\":\"1.2345\",\"currency\":\"KWD\"}", ApiException.INVALID_AMOUNT.code(), "amount");
    }

    @Test
    void aCardWithoutATokenIsAHostedCheckoutAndWithOneServerToServer() {
        NewPayment checkout = MerchantRequests.payment(bytes("{\"amount\":\"9.90\",\"currency\":\"EUR\",\"reference\":\"o\","
                + "\"method\":\"card\",\"returnUrl\":\"https://shop.example/back\"}"));
        assertInstanceOf(Payer.Checkout.class, checkout.payer());
        assertEquals(URI.create("https://shop.example/back"), checkout.returnUrl());
        NewPayment card = MerchantRequests.payment(bytes("{\"amount\":\"9.90\",\"currency\":\"EUR\",\"reference\":\"o\","
                + "\"method\":\"card\",\"card\":{\"token\":\"" + WALLET + "\",\"securityCode\":\"123\"},"
                + "\"returnUrl\":\"https://shop.example/back\"}"));
        assertEquals(WALLET, ((Payer.CardToken) card.payer()).token());
    }

    @Test
    void badAmountsNameTheFieldAndNeverRound() {
        for (String amount : new String[] {"0", "0.00", "-1", "1e3", "+1", " 1", "1.", ".5", "1.234", "01", "1,00", "",
                "1000000000000000", "NaN"}) {
            BusinessException e = assertThrows(BusinessException.class, () -> MerchantRequests.payout(
                    bytes("{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}")), amount);
            assertEquals(ApiException.INVALID_AMOUNT, e.errorCode(), amount);
            assertEquals(Optional.of("amount"), ((ApiException) e).field());
        }
    }

    @Test
    void strictJsonRefusesWhatALenientParserWouldTake() {
        refused("{\"amount\":\"1.00\",\"currency\":\"EUR\",\"amount\":\"2.00\"}", ApiException.MALFORMED_JSON.code(), null);
        refused("{\"amount\":\"1.00\",\"currency\":\"EUR\"} trailing", ApiException.MALFORMED_JSON.code(), null);
        refused("[]", ApiException.MALFORMED_JSON.code(), null);
        refused("", ApiException.MALFORMED_JSON.code(), null);
        refused("{\"amount\":1.00,\"currency\":\"EUR\"}", ApiException.INVALID_FIELD.code(), "amount");
        refused("{\"amount\":\"1.00\",\"currency\":\"EUR\",\"iban\":\"x\"}", ApiException.UNKNOWN_FIELD.code(), "iban");
        refused("{\"amount\":\"1.00\",\"currency\":\"XXX\"}", ApiException.INVALID_CURRENCY.code(), "currency");
        refused("{\"amount\":\"1.00\"}", ApiException.MISSING_FIELD.code(), "currency");
        refused("[".repeat(100_000) + "]".repeat(100_000), ApiException.MALFORMED_JSON.code(), null);
        refused("{\"a\":".repeat(5000) + "1" + "}".repeat(5000), ApiException.MALFORMED_JSON.code(), null);
        assertEquals(2, JsonFields.depth(bytes("{\"a\":[\"[[[{\\\"\"]}")));
    }

    @Test
    void theModulesOwnRulesStillApply() {
        BusinessException e = assertThrows(BusinessException.class, () -> MerchantRequests.payment(bytes(
                "{\"amount\":\"9.90\",\"currency\":\"EUR\",\"reference\":\"o\",\"method\":\"card\"}")));
        assertEquals(PaymentsException.INVALID_REQUEST, e.errorCode());
        assertEquals(Optional.of("returnUrl"), ((PaymentsException) e).field());
    }

    @Test
    void captureAndRefundBodiesMayBeEmpty() {
        assertEquals(Optional.empty(), MerchantRequests.optionalAmount(new byte[0]));
        assertEquals(Optional.empty(), MerchantRequests.optionalAmount(bytes("{}")));
        assertEquals(Optional.of(Money.of(500, "EUR")), MerchantRequests.optionalAmount(bytes("{\"amount\":\"5\",\"currency\":\"EUR\"}")));
        assertEquals(Optional.of("damaged"), MerchantRequests.refund(bytes("{\"reason\":\"damaged\"}")).reason());
    }

    private static void refused(String body, String code, String field) {
        ApiException e = assertThrows(ApiException.class, () -> MerchantRequests.payout(bytes(body)), body);
        assertEquals(code, e.errorCode().code(), body);
        assertEquals(Optional.ofNullable(field), e.field(), body);
        assertEquals(400, e.status());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
