package io.reactivepay.fraud.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;

/** A screening waiting for a risk manager. */
public record HeldScreening(Decision decision, TransactionKind kind, String merchantId, Money amount, Instant screenedAt) {
}
