package io.reactivepay.connector.support;

import io.reactivepay.connector.api.admin.CircuitState;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling a third party that keeps failing: after {@code threshold} consecutive failures the
 * circuit opens and calls are refused at once; after {@code coolDown} one probe call is let through
 * (half-open), whose success closes the circuit and whose failure opens it for another cool-down.
 * Shared by all connections of one managed connection factory; thread-safe.
 */
public final class CircuitBreaker {

    private static final System.Logger LOG = System.getLogger(CircuitBreaker.class.getName());

    private final String name;
    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier clock;
    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private long openedAt;

    public CircuitBreaker(String name, int threshold, Duration coolDown) {
        this(name, threshold, coolDown, System::nanoTime);
    }

    CircuitBreaker(String name, int threshold, Duration coolDown, LongSupplier nanoClock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The failure threshold must be at least 1");
        }
        this.name = name;
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a call may go out now; once the cool-down is over, the first caller becomes the probe. */
    public synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED, NONE -> true;
            case HALF_OPEN -> false;
            case OPEN -> {
                if (clock.getAsLong() - openedAt < coolDownNanos) {
                    yield false;
                }
                state = CircuitState.HALF_OPEN;
                yield true;
            }
        };
    }

    public synchronized void recordSuccess() {
        if (state != CircuitState.CLOSED) {
            LOG.log(System.Logger.Level.INFO, "Circuit of {0} closed again", name);
        }
        state = CircuitState.CLOSED;
        consecutiveFailures = 0;
    }

    public synchronized void recordFailure() {
        consecutiveFailures++;
        if (state == CircuitState.HALF_OPEN || (state == CircuitState.CLOSED && consecutiveFailures >= threshold)) {
            state = CircuitState.OPEN;
            openedAt = clock.getAsLong();
            LOG.log(System.Logger.Level.WARNING, "Circuit of {0} opened after {1} consecutive failures",
                    name, consecutiveFailures);
        }
    }

    public synchronized CircuitState state() {
        return state;
    }
}
