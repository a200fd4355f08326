package io.reactivepay.payments.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event's delivery to a merchant's webhook: every attempt is logged with the answer it got;
 * retried with exponential backoff until delivered or 24 hours have passed.
 */
public record DeliveryView(UUID id, UUID eventId, String eventType, String url, Status status, int attempts,
                           Optional<Integer> lastHttpStatus, Optional<String> lastError, Optional<Instant> nextAttemptAt,
                           Instant createdAt, Optional<Instant> deliveredAt) {

    public enum Status { PENDING, DELIVERED, FAILED }
}
