package io.reactivepay.payments.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What an attempt got: the merchant's HTTP status, or the reason there was none (connection, timeout). */
public record AttemptOutcome(UUID deliveryId, int attempt, Instant startedAt, Duration duration,
                             Optional<Integer> httpStatus, Optional<String> error) {

    public boolean delivered() {
        return httpStatus.filter(status -> status >= 200 && status < 300).isPresent();
    }
}
