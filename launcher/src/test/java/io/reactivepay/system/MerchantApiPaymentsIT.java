package io.reactivepay.system;

import static io.reactivepay.system.MerchantApi.as;
import static io.reactivepay.system.MerchantApi.assertProblem;
import static io.reactivepay.system.MerchantApiIdempotencyIT.assertLedgerHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.system.MerchantApi.Merchant;
import io.reactivepay.system.MerchantApi.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments through the merchant API over HTTP, end to end: wallet and vault-card payments, capture,
 * partial refunds, payout, a decline, a 3-D Secure challenge and an acquirer timeout resolved later,
 * hosted checkout; the money is checked in the wallet, in the merchant's balances and in the ledger's
 * invariants after each.
 */
@ExtendWith(RunningSystem.class)
class MerchantApiPaymentsIT {

    @Test
    void walletPaymentThenPartialRefundsMoveExactlyTheMoney() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        JsonObject customer = customer(200_00);
        String body = "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"reference\":\"order-w1\",\"method\":\"wallet\","
                + "\"wallet\":{\"id\":\"" + customer.getString("walletId") + "\",\"customerToken\":\""
                + customer.getString("token") + "\"},\"capture\":\"automatic\",\"metadata\":{\"cart\":\"42\"}}";
        Reply created = as(merchant, "POST", "/payments", body);
        assertEquals(201, created.status(), created.body());
        JsonObject payment = created.json();
        assertEquals("captured", payment.getString("status"), created.body());
        assertEquals("100.00", payment.getString("captured"));
        assertEquals("42", payment.getJsonObject("metadata").getString("cart"));
        String fee = payment.getJsonObject("fee").getString("amount");
        assertEquals(100_00, 200_00 - posted(customer.getString("ledgerAccountId")));
        assertPending(merchant, new BigDecimal("100.00").subtract(new BigDecimal(fee)));

        String id = payment.getString("id");
        Reply read = as(merchant, "GET", "/payments/" + id, null);
        assertEquals(200, read.status());
        assertEquals(withoutUpdatedAt(created.json()), withoutUpdatedAt(read.json()),
                "a read renders the payment as the receipt did (updatedAt: the receipt keeps nanoseconds the database does not)");

        Reply refund = as(merchant, "POST", "/payments/" + id + "/refunds", "{\"amount\":\"30.00\",\"currency\":\"EUR\",\"reason\":\"one item\"}");
        assertEquals(201, refund.status(), refund.body());
        assertEquals("30.00", refund.json().getString("amount"));
        assertEquals(130_00, posted(customer.getString("ledgerAccountId")));
        assertPending(merchant, new BigDecimal("70.00").subtract(new BigDecimal(fee)));
        assertEquals("partially_refunded", as(merchant, "GET", "/payments/" + id, null).json().getString("status"));
        assertProblem(as(merchant, "POST", "/payments/" + id + "/refunds", "{\"amount\":\"70.01\",\"currency\":\"EUR\"}"), 422,
                "payments.amount_too_large");
        assertEquals(130_00, posted(customer.getString("ledgerAccountId")), "a refused refund moves nothing");
        Reply refunds = as(merchant, "GET", "/payments/" + id + "/refunds", null);
        assertEquals(1, refunds.json().getJsonArray("data").size(), refunds.body());

        Reply list = as(merchant, "GET", "/payments?reference=order-w1&status=partially_refunded&minAmount=99.99&maxAmount=100", null);
        assertEquals(200, list.status(), list.body());
        assertEquals(List.of(id), list.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).collect(Collectors.toList()));
        assertEquals(0, as(merchant, "GET", "/payments?reference=order-w1&minAmount=100.01", null).json().getJsonArray("data").size());
        assertProblem(as(MerchantApi.newMerchant(false), "GET", "/payments/" + id, null), 404, "payments.payment_not_found");
        assertLedgerHolds();
    }

    @Test
    void aWalletThatCannotPayOrIsNotTheCustomersMovesNothing() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        JsonObject poor = customer(5_00);
        JsonObject other = customer(50_00);
        String tooMuch = wallet(poor.getString("walletId"), poor.getString("token"), "10.00");
        Reply refused = as(merchant, "POST", "/payments", tooMuch);
        assertTrue(refused.status() == 422 || refused.status() == 201 && refused.json().getString("status").equals("declined"),
                refused.body());
        assertEquals(5_00, posted(poor.getString("ledgerAccountId")));
        Reply notHers = as(merchant, "POST", "/payments", wallet(other.getString("walletId"), poor.getString("token"), "1.00"));
        assertProblem(notHers, 403, "payments.wallet_not_authorised");
        assertEquals(50_00, posted(other.getString("ledgerAccountId")));
        assertLedgerHolds();
    }

    @Test
    void cardAuthoriseCaptureRefundAndPayout() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        String token = card("4242424242424242");
        Reply created = as(merchant, "POST", "/payments", card(token, "80.00", "manual"));
        assertEquals(201, created.status(), created.body());
        JsonObject payment = created.json();
        assertEquals("authorised", payment.getString("status"), created.body());
        assertEquals("0.00", payment.getString("captured"));
        String id = payment.getString("id");

        Reply captured = as(merchant, "POST", "/payments/" + id + "/capture", "{\"amount\":\"60.00\",\"currency\":\"EUR\"}");
        assertEquals(200, captured.status(), captured.body());
        assertEquals("captured", captured.json().getString("status"));
        assertEquals("60.00", captured.json().getString("captured"));
        String fee = captured.json().getJsonObject("fee").getString("amount");
        assertPending(merchant, new BigDecimal("60.00").subtract(new BigDecimal(fee)));
        assertProblem(as(merchant, "POST", "/payments/" + id + "/void", null), 409, "payments.invalid_state");

        Reply refund = as(merchant, "POST", "/payments/" + id + "/refunds", "{\"amount\":\"10.00\",\"currency\":\"EUR\"}");
        assertEquals(201, refund.status(), refund.body());
        awaitStatus(merchant, id, "partially_refunded");

        Http.Reply funded = Http.post(MerchantApi.base().resolve("/probe/merchant-api/merchants/" + merchant.id() + "/funds?cents=2500"));
        assertEquals(200, funded.status(), funded.body());
        Reply payout = as(merchant, "POST", "/payouts", "{\"amount\":\"25.00\",\"currency\":\"EUR\",\"reference\":\"flow\"}");
        assertEquals(201, payout.status(), payout.body());
        assertEquals("25.00", payout.json().getString("amount"));
        assertEquals("0.00", balance(merchant).getString("available"));

        Reply voidable = as(merchant, "POST", "/payments", card(card("4242424242424242"), "15.00", "manual"));
        String second = voidable.json().getString("id");
        Reply voided = as(merchant, "POST", "/payments/" + second + "/void", null);
        assertEquals(200, voided.status(), voided.body());
        assertEquals("voided", voided.json().getString("status"));
        assertProblem(as(merchant, "POST", "/payments/" + second + "/capture", null), 409, "payments.invalid_state");
        assertLedgerHolds();
    }

    @Test
    void aDeclinedCardIsADeclinedPaymentAndMovesNothing() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        Reply declined = as(merchant, "POST", "/payments", card(card("4000000000000002"), "20.00", "automatic"));
        assertEquals(201, declined.status(), declined.body());
        assertEquals("declined", declined.json().getString("status"));
        assertTrue(declined.json().containsKey("declineReason"), declined.body());
        assertProblem(as(merchant, "POST", "/payments/" + declined.json().getString("id") + "/capture", null), 409,
                "payments.invalid_state");
        assertTrue(balance(merchant) == null || "0.00".equals(balance(merchant).getString("pending")));
        assertLedgerHolds();
    }

    @Test
    void aChallengeAndATimeoutEndAuthorisedOnceTheAcquirerIsAsked() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        Reply challenged = as(merchant, "POST", "/payments", card(card("4000000000003220"), "30.00", "manual"));
        Reply slow = as(merchant, "POST", "/payments", card(card("4000000000000259"), "40.00", "manual"));
        assertEquals(201, challenged.status(), challenged.body());
        assertEquals("action_required", challenged.json().getString("status"), challenged.body());
        String challengeUrl = challenged.json().getString("challengeUrl");
        HttpResponse<String> page = MerchantApi.CLIENT.send(HttpRequest.newBuilder(URI.create(challengeUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> confirmed = MerchantApi.CLIENT.send(HttpRequest.newBuilder(URI.create(challengeUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("result=authenticated")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, confirmed.statusCode(), "the customer confirmed and is sent back to the shop");
        assertTrue(confirmed.headers().firstValue("Location").orElse("").startsWith("https://shop.example/back?reference="));
        assertEquals(202, slow.status(), "accepted, its outcome unknown: " + slow.body());
        assertEquals("authorising", slow.json().getString("status"), "a timeout is unknown, never a decline: " + slow.body());

        awaitStatus(merchant, challenged.json().getString("id"), "authorised");
        awaitStatus(merchant, slow.json().getString("id"), "authorised");
        Reply capture = as(merchant, "POST", "/payments/" + slow.json().getString("id") + "/capture", null);
        assertEquals(200, capture.status(), capture.body());
        assertEquals("40.00", capture.json().getString("captured"));
        assertLedgerHolds();
    }

    @Test
    void aCardPaymentWithoutACardIsAHostedCheckout() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        Reply created = as(merchant, "POST", "/payments", "{\"amount\":\"9.90\",\"currency\":\"EUR\",\"reference\":\"order-c\","
                + "\"method\":\"card\",\"returnUrl\":\"https://shop.example/back\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("created", created.json().getString("status"));
        assertNotNull(created.json().getString("checkoutUrl"));
        assertNotNull(created.json().getString("clientToken"));
    }

    @Test
    void everyScreeningIsTimedAndCountedUnderEachBoundItKeptTo() throws Exception {
        Map<String, Long> before = screeningMetrics();
        Merchant merchant = MerchantApi.newMerchant(false);
        JsonObject customer = customer(20_00);
        Reply paid = as(merchant, "POST", "/payments", wallet(customer.getString("walletId"), customer.getString("token"), "5.00"));
        assertEquals(201, paid.status(), paid.body());
        Map<String, Long> after = screeningMetrics();

        long calls = after.get("count") - before.getOrDefault("count", 0L);
        assertTrue(calls >= 1, "the payment was screened: " + after);
        long previous = 0;
        for (String bound : List.of("1", "2", "3", "5", "10", "20", "50", "100")) {
            assertTrue(after.containsKey(bound), "bound " + bound + " ms is published: " + after);
            long within = after.get(bound) - before.getOrDefault(bound, 0L);
            assertTrue(within >= previous && within <= calls,
                    "calls within " + bound + " ms: " + within + ", within the bound below: " + previous + ", calls: " + calls);
            previous = within;
        }
    }

    /** The screening timer's count ("count") and the within-bound counters (by bound in ms) from /metrics. */
    private static Map<String, Long> screeningMetrics() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(MerchantApi.base().resolve("/metrics?scope=application")).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), metrics.body());
        Pattern within = Pattern
                .compile("reactivepay_fraud_screening_within_total\\{.*le=\"([^\"]+)\".*} (\\S+)");
        Map<String, Long> values = new HashMap<>();
        for (String line : metrics.body().lines().toList()) {
            Matcher bound = within.matcher(line);
            if (line.startsWith("reactivepay_fraud_screening_seconds_count")) {
                values.put("count", (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            } else if (bound.matches()) {
                values.put(bound.group(1), (long) Double.parseDouble(bound.group(2)));
            }
        }
        return values;
    }

    private static JsonObject withoutUpdatedAt(JsonObject payment) {
        return jakarta.json.Json.createObjectBuilder(payment).remove("updatedAt").build();
    }

    private static String wallet(String walletId, String token, String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"reference\":\"order-" + UUID.randomUUID() + "\",\"method\":\"wallet\","
                + "\"wallet\":{\"id\":\"" + walletId + "\",\"customerToken\":\"" + token + "\"}}";
    }

    private static String card(String token, String amount, String capture) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"reference\":\"order-" + UUID.randomUUID() + "\",\"method\":\"card\","
                + "\"card\":{\"token\":\"" + token + "\",\"securityCode\":\"123\"},\"capture\":\"" + capture + "\","
                + "\"returnUrl\":\"https://shop.example/back\"}";
    }

    private static String card(String number) throws Exception {
        Http.Reply card = Http.postForm(MerchantApi.base().resolve("/probe/cards"),
                Map.of("number", number, "expiry", YearMonth.now().plusYears(2).toString()));
        assertEquals(200, card.status(), card.body());
        return card.json().getString("token");
    }

    private static JsonObject customer(long cents) throws Exception {
        Http.Reply customer = Http.post(MerchantApi.base().resolve("/probe/merchant-api/customers?cents=" + cents));
        assertEquals(200, customer.status(), customer.body());
        return customer.json();
    }

    private static long posted(String ledgerAccountId) throws Exception {
        return Http.get(MerchantApi.base().resolve("/probe/merchant-api/ledger-accounts/" + ledgerAccountId)).json()
                .getJsonNumber("posted").longValue();
    }

    /** The merchant's EUR balance, or null before it has any. */
    private static JsonObject balance(Merchant merchant) throws Exception {
        Reply balance = as(merchant, "GET", "/balance", null);
        assertEquals(200, balance.status(), balance.body());
        return balance.json().getJsonArray("balances").getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("currency").equals("EUR")).findFirst().orElse(null);
    }

    private static void assertPending(Merchant merchant, BigDecimal pending) throws Exception {
        JsonObject eur = balance(merchant);
        assertNotNull(eur);
        assertEquals(0, pending.compareTo(new BigDecimal(eur.getString("pending"))), eur.toString());
    }

    private static void awaitStatus(Merchant merchant, String id, String status) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        String last;
        do {
            Reply reply = as(merchant, "GET", "/payments/" + id, null);
            assertEquals(200, reply.status(), reply.body());
            last = reply.json().getString("status");
            if (last.equals(status)) {
                return;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        assertEquals(status, last, "payment " + id + " within two minutes");
    }
}
