package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

/** One posting on an account's statement with the posted balance right after it. */
public record StatementLine(long postingId, UUID entryId, EntryCode code, Money amount, Money balanceAfter,
                            Instant at) {
}
