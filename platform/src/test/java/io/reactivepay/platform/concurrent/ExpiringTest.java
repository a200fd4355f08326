package io.reactivepay.platform.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringTest {

    @Test
    void aValueIsLoadedOncePerPeriodAndAgainAfterIt() throws Exception {
        Expiring<String, String> cache = new Expiring<>(Duration.ofMillis(200), 10);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of("merchant"), cache.get("key", k -> {
                loads.incrementAndGet();
                return Optional.of("merchant");
            }));
        }
        assertEquals(1, loads.get());
        Thread.sleep(250);
        cache.get("key", k -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(2, loads.get(), "expired: asked again, and a revoked key is unknown at once");
    }

    @Test
    void anUnknownKeyIsNeverRemembered() {
        Expiring<String, String> cache = new Expiring<>(Duration.ofMinutes(1), 10);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get("new", k -> loads.incrementAndGet() < 3 ? Optional.empty() : Optional.of("now known"));
        }
        assertEquals(3, loads.get(), "a key created a moment ago works at once");
    }

    @Test
    void itStaysBounded() {
        Expiring<Integer, Integer> cache = new Expiring<>(Duration.ofMinutes(1), 3);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> Optional.of(loads.incrementAndGet()));
        }
        cache.get(0, k -> Optional.of(loads.incrementAndGet()));
        assertEquals(11, loads.get(), "the first entry was dropped when the map filled");
    }
}
