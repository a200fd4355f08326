package io.reactivepay.accounts.api;

import io.reactivepay.platform.money.Money;
import java.util.UUID;

/** A customer's operation to check against the limits of their level ({@link Limits#authoriseAll}). */
public record LimitedOperation(UUID profileId, Money amount, OperationKind kind) {
}
