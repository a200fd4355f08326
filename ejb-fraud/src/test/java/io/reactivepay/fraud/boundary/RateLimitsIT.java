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
        RateLimitsBean first = FraudDatabase.rateLimits("100/60");
        RateLimitsBean second = FraudDatabase.rateLimits("100/60");
        String ip = "198.51.100." + (int) (Math.random() * 250);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                RateLimitsBean instance = thread % 2 == 0 ? first : second;
                calls.add(threads.submit(() -> {
                    for (int i = 0; i < 40; i++) {
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
        assertEquals(100, allowed.get(), "320 requests against a limit of 100 per minute");
        CLOCK.set(Instant.parse("2026-11-25T10:31:00Z"));
        assertTrue(inTransaction(() -> second.hit(RateScope.IP, ip)).allowed(), "the next window");
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
