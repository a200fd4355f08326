package io.reactivepay.payments.control;

import io.reactivepay.payments.api.Commission;
import io.reactivepay.platform.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A commission rate: {@code percent} of the amount plus {@code fixed}, at least {@code minimum}, at most
 * {@code maximum}, never more than the amount itself. Amounts are minor units of the payment's currency.
 */
public record RatePlan(BigDecimal percent, long fixedMinor, long minimumMinor, OptionalLong maximumMinor) {

    public RatePlan {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(maximumMinor, "maximumMinor");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0 || fixedMinor < 0 || minimumMinor < 0
                || (maximumMinor.isPresent() && maximumMinor.getAsLong() < minimumMinor)) {
            throw new IllegalArgumentException("A rate plan takes 0 to 100 percent and non-negative amounts, max >= min");
        }
    }

    /**
     * The fee on {@code amount}: the percentage is rounded half-even once, to the minor unit, and
     * everything after that is whole minor units, so no amount is rounded twice.
     */
    public Commission feeOn(Money amount) {
        long percentPart = new BigDecimal(amount.minorUnits()).multiply(percent).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        long fee = Math.addExact(percentPart, fixedMinor);
        fee = Math.max(fee, minimumMinor);
        if (maximumMinor.isPresent()) {
            fee = Math.min(fee, maximumMinor.getAsLong());
        }
        fee = Math.min(fee, amount.minorUnits());
        return new Commission(new Money(fee, amount.currency()), percent.stripTrailingZeros(),
                new Money(fixedMinor, amount.currency()), new Money(minimumMinor, amount.currency()),
                maximumMinor.isPresent() ? Optional.of(new Money(maximumMinor.getAsLong(), amount.currency()))
                        : Optional.empty());
    }
}
