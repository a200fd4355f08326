package io.reactivepay.connector.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.connector.api.admin.CircuitState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker("test", 3, Duration.ofSeconds(10), now::get);

    @Test
    void opensOnlyAfterTheThresholdOfConsecutiveFailures() {
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();
        breaker.recordFailure();
        assertEquals(CircuitState.CLOSED, breaker.state());
        breaker.recordFailure();
        assertEquals(CircuitState.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void letsOneProbeThroughAfterTheCoolDownAndClosesOnItsSuccess() {
        open();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        assertEquals(CircuitState.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.recordSuccess();
        assertEquals(CircuitState.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbeOpensTheCircuitForAnotherCoolDown() {
        open();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.recordFailure();
        assertEquals(CircuitState.OPEN, breaker.state());
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertFalse(breaker.tryAcquire());
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure();
        }
    }
}
