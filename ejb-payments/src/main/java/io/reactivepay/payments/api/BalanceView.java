package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.util.Objects;

/**
 * A merchant's money in one currency: {@code pending} (captured, not yet settled), {@code available}
 * (may be paid out) and {@code reserved} (held against open chargebacks).
 */
public record BalanceView(Money pending, Money available, Money reserved) {

    public BalanceView {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(reserved, "reserved");
    }
}
