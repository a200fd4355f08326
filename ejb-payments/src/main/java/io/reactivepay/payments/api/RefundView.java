package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A refund of (part of) a captured payment. */
public record RefundView(UUID id, UUID paymentId, Money amount, Status status, Optional<String> reason,
                         Optional<String> failureReason, Instant createdAt, Instant updatedAt) {

    /** PENDING while the acquirer has not confirmed a card refund; wallet refunds succeed at once. */
    public enum Status { PENDING, SUCCEEDED, FAILED }
}
