package io.reactivepay.payments.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: {@code initialDelay} after the first attempt, doubling after
 * each one, never more than {@code maxDelay}, each shortened at random by up to {@code jitter} of
 * itself; the last attempt is made at the give-up time, after which the delivery has failed.
 */
public record RetrySchedule(Duration initialDelay, Duration maxDelay, double jitter, Duration giveUpAfter) {

    public RetrySchedule {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Retry delays must be positive, the maximum at least the first");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("Retry jitter is a fraction from 0 (none) up to, not including, 1");
        }
    }

    /** The delay after the given attempt (1 for the first), before jitter. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initialDelay.toMillis() << doublings;
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    /** When to try after the failed {@code attempt} at {@code now}; empty when the delivery has failed for good. */
    public Optional<Instant> next(int attempt, Instant now, Instant giveUpAt, RandomGenerator random) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        long delay = delayAfter(attempt).toMillis();
        long shortened = delay - Math.round(delay * jitter * random.nextDouble());
        Instant next = now.plusMillis(Math.max(shortened, 1));
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }
}
