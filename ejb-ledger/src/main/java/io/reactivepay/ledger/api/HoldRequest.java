package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Reserve {@code amount} on the debit account until {@code expiresAt}; a capture posts it to the credit account. */
public record HoldRequest(String clientId, String idempotencyKey, UUID debitAccountId, UUID creditAccountId,
                          Money amount, Instant expiresAt, EntryCode code, Map<String, String> metadata) {

    public HoldRequest {
        IdempotencyKeys.requireValid(clientId, idempotencyKey);
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(code, "code");
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    }
}
