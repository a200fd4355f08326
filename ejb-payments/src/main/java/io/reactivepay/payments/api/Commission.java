package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The fee charged on a payment and the rate it came from: {@code percent} of the amount (rounded
 * half-even once, to the currency's minor unit) plus {@code fixed}, then raised to {@code minimum} and
 * capped at {@code maximum}. The merchant is credited the amount less the fee, in the same entry.
 */
public record Commission(Money fee, BigDecimal percent, Money fixed, Money minimum, Optional<Money> maximum) {

    public Commission {
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
    }
}
