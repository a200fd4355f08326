package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.CLOCK;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.RateDecision;
import io.reactivepay.fraud.api.RateScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitsIT {

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
    }

    @Test
    void twoInstancesTogetherNeverPassTheLimit() throws Exception {
        CLOCK.set(Instant.parse("2026-11-25T10:30:05Z"));
        RateLimitsBean first = FraudDatabase.rateLimits("1000/60");
        RateLimitsBean second = FraudDatabase.rateLimits("1000/60");
        String ip = "198.51.100." + (int) (Math.random() * 250);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                RateLimitsBean instance = thread % 2 == 0 ? first : second;
                calls.add(threads.submit(() -> {
                    for (int i = 0; i < 160; i++) {
                        RateDecision decision = inTransaction(() -> instance.hit(RateScope.IP, ip));
                        if (decision.allowed()) {
                            allowed.incrementAndGet();
                        } else {
                            assertEquals(55, decision.retryAfterSeconds());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1000, allowed.get(), "1,280 requests against a limit of 1,000 per minute, leased 10 at a time");
        CLOCK.set(Instant.parse("2026-11-25T10:31:00Z"));
        assertTrue(inTransaction(() -> second.hit(RateScope.IP, ip)).allowed(), "the next window");
    }

    @Test
    void aSliceOneServerLeasedWaitsForItTheLimitStillHolds() throws Exception {
        CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
        RateLimitsBean first = FraudDatabase.rateLimits("1000/60");
        RateLimitsBean second = FraudDatabase.rateLimits("1000/60");
        String key = unique("key");
        assertTrue(inTransaction(() -> first.hit(RateScope.API_KEY, key)).allowed(), "leases 10, spends 1");
        int allowed = 0;
        for (int i = 0; i < 1_100; i++) {
            allowed += inTransaction(() -> second.hit(RateScope.API_KEY, key)).allowed() ? 1 : 0;
        }
        assertEquals(990, allowed, "the other server's unspent 9 are not available to this one");
        for (int i = 0; i < 9; i++) {
            assertTrue(inTransaction(() -> first.hit(RateScope.API_KEY, key)).allowed(), "the leasing server spends them");
        }
        assertFalse(inTransaction(() -> first.hit(RateScope.API_KEY, key)).allowed());
        assertEquals(1000, Expect.count("SELECT sum(hits) FROM fraud.rate_counter WHERE scope = 'API_KEY' AND window_start = "
                + Instant.parse("2026-11-25T10:30:00Z").getEpochSecond()
                + " AND hits = 1000"), "the shared counter holds the limit, not more");
    }

    @Test
    void printsTheCostOfAHit() throws Exception {
        CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
        RateLimitsBean limits = FraudDatabase.rateLimits("6000/60");
        String key = unique("merchant");
        int hits = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < hits; i++) {
            assertTrue(inTransaction(() -> limits.hit(RateScope.MERCHANT, key)).allowed());
        }
        long nanos = System.nanoTime() - start;
        System.getLogger(RateLimitsIT.class.getName()).log(System.Logger.Level.INFO, String.format(
                "RATE LIMIT: %d hits of one key (limit 6000/60, slice 60), %.1f us per hit including its transaction",
                hits, nanos / 1e3 / hits));
    }

    @Test
    void scopesAndKeysAreCountedApart() throws Exception {
        CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
        RateLimitsBean limits = FraudDatabase.rateLimits("1/10");
        String key = unique("key");
        assertTrue(inTransaction(() -> limits.hit(RateScope.API_KEY, key)).allowed());
        RateDecision refused = inTransaction(() -> limits.hit(RateScope.API_KEY, key));
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds());
        assertTrue(inTransaction(() -> limits.hit(RateScope.MERCHANT, key)).allowed());
        assertTrue(inTransaction(() -> limits.hit(RateScope.API_KEY, unique("key"))).allowed());
        Expect.refused(FraudException.INVALID_REQUEST, () -> limits.hit(RateScope.IP, " "));
    }
}
