package io.reactivepay.system;

import static io.reactivepay.system.MerchantApi.as;
import static io.reactivepay.system.MerchantApi.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.system.MerchantApi.Merchant;
import io.reactivepay.system.MerchantApi.Reply;
import io.reactivepay.system.MerchantApi.SigningKey;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Money-moving POSTs under an idempotency key, over HTTP, with payouts (money out of the merchant's
 * available balance): a repeat gets the very bytes of the first answer and moves nothing; the same key
 * with another request is 422 and moves nothing; twenty concurrent duplicates make one payout. The
 * balances and the ledger's invariants are checked after each.
 */
@ExtendWith(RunningSystem.class)
class MerchantApiIdempotencyIT {

    @Test
    void aRepeatedPayoutReplaysTheFirstAnswerByteForByteAndPaysOnce() throws Exception {
        Merchant merchant = funded(100_00);
        String key = "payout-" + UUID.randomUUID();
        String body = "{\"amount\":\"10.00\",\"currency\":\"EUR\",\"reference\":\"week-47\"}";
        Reply first = as(merchant, "POST", "/payouts", body, "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());
        assertEquals(null, first.header("Idempotent-Replayed"));
        JsonObject payout = first.json();
        assertEquals("10.00", payout.getString("amount"));
        assertEquals("EUR", payout.getString("currency"));
        assertEquals("pending", payout.getString("status"));
        assertAvailable(merchant, "90.00");

        Reply again = as(merchant, "POST", "/payouts", body, "Idempotency-Key", key);
        assertEquals(201, again.status());
        assertEquals(first.body(), again.body(), "the very same bytes");
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertAvailable(merchant, "90.00");

        JsonObject reused = assertProblem(as(merchant, "POST", "/payouts",
                "{\"amount\":\"11.00\",\"currency\":\"EUR\",\"reference\":\"week-47\"}", "Idempotency-Key", key),
                422, "payments.idempotency_key_reused");
        assertTrue(reused.getString("detail").length() > 0);
        assertAvailable(merchant, "90.00");
        assertEquals(1, payouts(merchant));

        Reply read = as(merchant, "GET", "/payouts/" + payout.getString("id"), null);
        assertEquals(200, read.status(), read.body());
        assertEquals(payout.getString("id"), read.json().getString("id"));
        assertEquals("10.00", read.json().getString("amount"));
        assertProblem(MerchantApi.as(funded(1_00), "GET", "/payouts/" + payout.getString("id"), null), 404,
                "payments.payout_not_found");
        assertLedgerHolds();
    }

    @Test
    void twentyConcurrentDuplicatesMakeOnePayout() throws Exception {
        Merchant merchant = funded(50_00);
        String key = "concurrent-" + UUID.randomUUID();
        String body = "{\"amount\":\"5.00\",\"currency\":\"EUR\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Reply> call = () -> {
                    start.await();
                    return as(merchant, "POST", "/payouts", body, "Idempotency-Key", key);
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            Set<String> bodies = new java.util.HashSet<>();
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertEquals(201, r.status(), r.body());
                bodies.add(r.body());
            }
            assertEquals(1, bodies.size(), "every duplicate got the same answer: " + bodies);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, payouts(merchant));
        assertAvailable(merchant, "45.00");
        assertLedgerHolds();
    }

    @Test
    void aPayoutAboveTheAvailableBalanceIsRefusedAndMovesNothing() throws Exception {
        Merchant merchant = funded(20_00);
        assertProblem(as(merchant, "POST", "/payouts", "{\"amount\":\"20.01\",\"currency\":\"EUR\"}"), 422,
                "payments.amount_too_large");
        assertAvailable(merchant, "20.00");
        assertEquals(0, payouts(merchant));
        Reply all = as(merchant, "POST", "/payouts", "{\"amount\":\"20.00\",\"currency\":\"EUR\"}");
        assertEquals(201, all.status(), all.body());
        assertAvailable(merchant, "0.00");
        assertLedgerHolds();
    }

    @Test
    void aSignedPayoutOfAMerchantThatRequiresSignaturesGoesThroughOnce() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(true);
        fund(merchant, 30_00);
        SigningKey key = MerchantApi.registerKey(merchant);
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"amount\":\"7.50\",\"currency\":\"EUR\"}";
        Reply signed = MerchantApi.signed(merchant, key, "POST", "/payouts", body, "Idempotency-Key", idempotencyKey);
        assertEquals(201, signed.status(), signed.body());
        assertProblem(as(merchant, "POST", "/payouts", body, "Idempotency-Key", idempotencyKey), 401, "auth.signature_required");
        Thread.sleep(1100);
        Reply resigned = MerchantApi.signed(merchant, key, "POST", "/payouts", body, "Idempotency-Key", idempotencyKey);
        assertEquals(signed.body(), resigned.body(), "a retry, signed afresh, replays the answer");
        assertEquals("true", resigned.header("Idempotent-Replayed"));
        Reply balance = MerchantApi.signed(merchant, key, "GET", "/balance", null);
        assertEquals(200, balance.status(), balance.body());
        assertTrue(balance.body().contains("\"available\":\"22.50\""), balance.body());
        assertLedgerHolds();
    }

    private static Merchant funded(long cents) throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        fund(merchant, cents);
        return merchant;
    }

    private static void fund(Merchant merchant, long cents) throws Exception {
        Http.Reply funded = Http.post(MerchantApi.base().resolve("/probe/merchant-api/merchants/" + merchant.id()
                + "/funds?cents=" + cents));
        assertEquals(200, funded.status(), funded.body());
    }

    private static void assertAvailable(Merchant merchant, String available) throws Exception {
        Reply balance = as(merchant, "GET", "/balance", null);
        assertEquals(200, balance.status(), balance.body());
        List<JsonObject> eur = balance.json().getJsonArray("balances").getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("currency").equals("EUR")).collect(Collectors.toList());
        assertEquals(1, eur.size(), balance.body());
        assertEquals(available, eur.get(0).getString("available"), balance.body());
    }

    private static long payouts(Merchant merchant) throws Exception {
        return Database.count(RunningSystem.get(), "SELECT count(*) FROM payments.payout WHERE merchant_id = ?", merchant.id());
    }

    static void assertLedgerHolds() throws Exception {
        JsonObject invariants = Http.get(MerchantApi.base().resolve("/probe/ledger/invariants")).json();
        assertTrue(invariants.getBoolean("holds"), invariants.toString());
    }
}
