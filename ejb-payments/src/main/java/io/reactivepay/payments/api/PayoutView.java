package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Money sent from a merchant's available balance to its bank account. */
public record PayoutView(UUID id, UUID merchantId, Money amount, Status status, Optional<String> reference,
                         Optional<UUID> settlementId, Optional<String> failureReason, Instant createdAt,
                         Instant updatedAt) {

    /** PENDING until the bank confirms (a statement line) or refuses; a failed payout is credited back. */
    public enum Status { PENDING, PAID, FAILED }
}
