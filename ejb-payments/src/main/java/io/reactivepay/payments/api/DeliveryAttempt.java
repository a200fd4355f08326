package io.reactivepay.payments.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at a webhook delivery: the merchant's answer ({@code httpStatus}) or why there was none
 * ({@code error}: refused connection, timeout), and how long it took. An attempt with neither was cut
 * short by a server stopping; the delivery is tried again.
 */
public record DeliveryAttempt(int attempt, String url, Instant startedAt, Optional<Duration> duration,
                              Optional<Integer> httpStatus, Optional<String> error) {
}
