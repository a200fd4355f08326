package io.reactivepay.ledger.api;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** A ledger account as seen from outside the ledger. */
public record LedgerAccount(UUID id, String ownerRef, Currency currency, AccountKind kind, FloorPolicy floor,
                            AccountStatus status, Instant createdAt) {
}
