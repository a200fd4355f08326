package io.reactivepay.system;

import static io.reactivepay.system.MerchantApi.as;
import static io.reactivepay.system.MerchantApi.assertProblem;
import static io.reactivepay.system.MerchantApi.send;
import static io.reactivepay.system.MerchantApi.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.system.MerchantApi.Merchant;
import io.reactivepay.system.MerchantApi.Reply;
import io.reactivepay.system.MerchantApi.SigningKey;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call the merchant API, over HTTP against the deployed EAR: API keys (and how soon a revoked
 * one stops), source networks, RSA-SHA256 signatures (good, altered, expired, from the future, replayed,
 * unknown key, missing when required), the idempotency key of every POST, and the per-IP rate limit.
 */
@ExtendWith(RunningSystem.class)
class MerchantApiSecurityIT {

    @Test
    void withoutAValidApiKeyEveryPathIs401AndSaysHowToAuthenticate() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        String wrongSecret = merchant.apiKey().substring(0, merchant.apiKey().length() - 1)
                + (merchant.apiKey().endsWith("A") ? "B" : "A");
        for (String[] headers : new String[][] {{}, {"Authorization", "Basic " + merchant.apiKey()},
                {"Authorization", "Bearer"}, {"Authorization", "Bearer   "}, {"Authorization", "Bearer not-a-key"},
                {"Authorization", "Bearer rp_00000000_" + "A".repeat(43)}, {"Authorization", "Bearer " + wrongSecret},
                {"Authorization", merchant.apiKey()}}) {
            for (String path : new String[] {"/balance", "/payments", "/no-such-thing"}) {
                Reply reply = send("GET", path, null, headers);
                assertProblem(reply, 401, "auth.unauthenticated");
                assertNotNull(reply.header("WWW-Authenticate"), reply.headers().toString());
                assertTrue(!reply.body().contains(merchant.apiKey().substring(12)), "the key is never echoed");
            }
        }
        assertEquals(200, as(merchant, "GET", "/balance", null).status(), "and the right key works");
        assertEquals(200, send("GET", "/health", null).status(), "readiness needs no key");
    }

    @Test
    void aRevokedKeyStopsWorkingWithinSeconds() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        Reply balance = as(merchant, "GET", "/balance", null);
        assertEquals(200, balance.status(), balance.body());
        assertEquals("balance", balance.json().getString("object"));
        Http.post(MerchantApi.base().resolve("/probe/merchant-api/api-keys/" + merchant.apiKeyId() + "/revoke"));
        long revoked = System.nanoTime();
        Reply reply;
        do {
            reply = as(merchant, "GET", "/balance", null);
            Thread.sleep(200);
        } while (reply.status() == 200 && System.nanoTime() - revoked < 15_000_000_000L);
        assertProblem(reply, 401, "auth.unauthenticated");
        long seconds = (System.nanoTime() - revoked) / 1_000_000_000L;
        assertTrue(seconds <= 7, "revocation took effect after " + seconds + " s; the cache keeps keys 5 s");
    }

    @Test
    void requestsFromOutsideTheMerchantsNetworksAreRefused() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        Http.post(MerchantApi.base().resolve("/probe/merchant-api/merchants/" + merchant.id() + "/networks?cidr=203.0.113.0/24"));
        assertProblem(as(merchant, "GET", "/balance", null), 403, "auth.source_not_allowed");
        Http.post(MerchantApi.base().resolve("/probe/merchant-api/merchants/" + merchant.id() + "/networks?cidr=127.0.0.0/8"));
        long changed = System.nanoTime();
        Reply reply;
        do {
            Thread.sleep(250);
            reply = as(merchant, "GET", "/balance", null);
        } while (reply.status() == 403 && System.nanoTime() - changed < 15_000_000_000L);
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aMerchantThatRequiresSignaturesGetsOnlyFreshUnseenCorrectlySignedRequestsThrough() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(true);
        SigningKey key = MerchantApi.registerKey(merchant);
        long now = Instant.now().getEpochSecond();
        byte[] none = new byte[0];

        assertProblem(as(merchant, "GET", "/balance", null), 401, "auth.signature_required");

        String good = signature(key, "GET", "/api/v1/balance", now, none);
        Reply first = as(merchant, "GET", "/balance", null, "Signature", good);
        assertEquals(200, first.status(), first.body());
        assertEquals(1, Database.count(RunningSystem.get(),
                "SELECT count(*) FROM accounts.seen_signature WHERE merchant_id = ?", merchant.id()));
        assertProblem(as(merchant, "GET", "/balance", null, "Signature", good), 401, "auth.signature_replayed");

        assertProblem(as(merchant, "GET", "/balance", null, "Signature",
                signature(key, "GET", "/api/v1/balance", now - 301, none)), 401, "auth.signature_expired");
        assertProblem(as(merchant, "GET", "/balance", null, "Signature",
                signature(key, "GET", "/api/v1/balance", now + 120, none)), 401, "auth.signature_expired");
        assertProblem(as(merchant, "GET", "/balance", null, "Signature",
                signature(key, "GET", "/api/v1/payments", now, none)), 401, "auth.signature_invalid");
        assertProblem(as(merchant, "GET", "/balance?x=1", null, "Signature",
                signature(key, "GET", "/api/v1/balance", now, none)), 401, "auth.signature_invalid");
        String body = "{\"amount\":\"10.00\",\"currency\":\"EUR\"}";
        assertProblem(as(merchant, "POST", "/payouts", body, "Signature", signature(key, "POST", "/api/v1/payouts", now,
                "{\"amount\":\"1.00\",\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8))), 401, "auth.signature_invalid");

        SigningKey stranger = new SigningKey(MerchantApi.registerKey(MerchantApi.newMerchant(false)).keys(), key.fingerprint(), key.id());
        assertProblem(as(merchant, "GET", "/balance", null, "Signature",
                signature(stranger, "GET", "/api/v1/balance", now, none)), 401, "auth.signature_invalid");
        SigningKey unregistered = new SigningKey(stranger.keys(), MerchantApi.hex(MerchantApi.sha256(stranger.keys().getPublic().getEncoded())), null);
        assertProblem(as(merchant, "GET", "/balance", null, "Signature",
                signature(unregistered, "GET", "/api/v1/balance", now, none)), 401, "auth.signature_unknown_key");
        for (String malformed : new String[] {"", "garbage", good.replace("created=", "created=x"),
                good.replace("keyId=\"", "keyId=\"00"), good.substring(0, good.length() - 4) + "\""}) {
            assertProblem(as(merchant, "GET", "/balance", null, "Signature", malformed), 401, "auth.signature_malformed");
        }
        assertEquals(1, Database.count(RunningSystem.get(),
                "SELECT count(*) FROM accounts.seen_signature WHERE merchant_id = ?", merchant.id()),
                "refused signatures are not remembered");
        Reply fresh = MerchantApi.signed(merchant, key, "GET", "/payments?limit=5", null);
        assertTrue(fresh.status() != 401, "a fresh signature over path and query passes: " + fresh.body());
    }

    @Test
    void aMerchantThatDoesNotRequireSignaturesStillHasPresentedOnesChecked() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        SigningKey key = MerchantApi.registerKey(merchant);
        assertEquals(200, as(merchant, "GET", "/balance", null).status());
        assertEquals(200, MerchantApi.signed(merchant, key, "GET", "/balance", null).status());
        assertProblem(as(merchant, "GET", "/balance", null, "Signature",
                signature(key, "GET", "/api/v1/balance", Instant.now().getEpochSecond() - 3600, new byte[0])),
                401, "auth.signature_expired");
    }

    @Test
    void everyPostNeedsAWellFormedIdempotencyKey() throws Exception {
        Merchant merchant = MerchantApi.newMerchant(false);
        String body = "{\"amount\":\"10.00\",\"currency\":\"EUR\"}";
        for (String path : new String[] {"/payouts", "/payments", "/payments/" + UUID.randomUUID() + "/void",
                "/webhooks/deliveries/" + UUID.randomUUID() + "/replay"}) {
            Reply reply = send("POST", path, body, "Authorization", "Bearer " + merchant.apiKey(), "Content-Type", "application/json");
            assertEquals("Idempotency-Key", assertProblem(reply, 400, "api.idempotency_key_missing").getString("field"));
        }
        for (String key : new String[] {"", "has space", "x".repeat(256)}) {
            Reply reply = send("POST", "/payouts", body, "Authorization", "Bearer " + merchant.apiKey(),
                    "Content-Type", "application/json", "Idempotency-Key", key);
            assertEquals(400, reply.status(), key + ": " + reply.body());
            assertEquals("Idempotency-Key", reply.json().getString("field"), reply.body());
        }
    }

    @Test
    void aClientAddressOverItsRateLimitGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        InetAddress source = InetAddress.getByName("127.0." + ThreadLocalRandom.current().nextInt(1, 250) + "."
                + ThreadLocalRandom.current().nextInt(2, 250));
        String host = MerchantApi.base().getHost() + ":" + MerchantApi.base().getPort();
        Reply reply = null;
        int sent = 0;
        while (sent < 1300) {
            reply = MerchantApi.raw(source, "GET /api/v1/balance HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            sent++;
            if (reply.status() != 401) {
                break;
            }
        }
        assertNotNull(reply);
        assertProblem(reply, 429, "api.rate_limited");
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(sent > 600, "the default limit is 600 a minute, refused after " + sent);
        assertProblem(MerchantApi.raw(source, "GET /api/v1/payments HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"),
                429, "api.rate_limited");
        Merchant merchant = MerchantApi.newMerchant(false);
        assertEquals(200, as(merchant, "GET", "/balance", null).status(), "127.0.0.1 is another client");
    }
}
