package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A reservation of money: pending until captured, voided or expired. */
public record Hold(UUID id, UUID debitAccountId, UUID creditAccountId, Money amount, Money captured,
                   Status status, Instant expiresAt, Optional<UUID> captureEntryId) {

    public enum Status { PENDING, CAPTURED, VOIDED, EXPIRED }
}
