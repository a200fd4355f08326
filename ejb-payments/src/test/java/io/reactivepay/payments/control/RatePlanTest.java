package io.reactivepay.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactivepay.payments.api.Commission;
import io.reactivepay.platform.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RatePlanTest {

    private static RatePlan plan(String percent, long fixed, long min, Long max) {
        return new RatePlan(new BigDecimal(percent), fixed, min, max == null ? OptionalLong.empty() : OptionalLong.of(max));
    }

    private static long fee(RatePlan plan, long minor, String currency) {
        return plan.feeOn(Money.of(minor, currency)).fee().minorUnits();
    }

    @Test
    void thePercentageIsRoundedHalfEvenOnceToTheMinorUnit() {
        RatePlan half = plan("0.5", 0, 0, null);
        assertEquals(2, fee(half, 500, "EUR"), "2.5 -> 2");
        assertEquals(4, fee(half, 700, "EUR"), "3.5 -> 4");
        assertEquals(4, fee(half, 900, "EUR"), "4.5 -> 4");
        assertEquals(5, fee(half, 1_010, "EUR"), "5.05 -> 5");
        assertEquals(1, fee(plan("2.9", 0, 0, null), 50, "JPY"), "1.45 yen -> 1");
        assertEquals(165, fee(plan("1.4", 25, 0, null), 10_000, "EUR"));
    }

    @Test
    void theFeeIsRaisedToTheMinimumCappedAtTheMaximumAndNeverMoreThanTheAmount() {
        RatePlan plan = plan("1", 10, 30, 100L);
        assertEquals(30, fee(plan, 100, "EUR"));
        assertEquals(100, fee(plan, 1_000_000, "EUR"));
        assertEquals(20, fee(plan, 20, "EUR"), "a fee larger than the payment is cut to it");
        Commission commission = plan.feeOn(Money.of(5_000, "EUR"));
        assertEquals(Money.of(60, "EUR"), commission.fee());
        assertEquals(new BigDecimal("1"), commission.percent());
        assertEquals(Money.of(100, "EUR"), commission.maximum().orElseThrow());
    }

    @Test
    void refusesANegativeOrWholePercentageAndAMaximumBelowTheMinimum() {
        assertThrows(IllegalArgumentException.class, () -> plan("-0.1", 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> plan("100", 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> plan("1", 0, 50, 10L));
    }

    @Property
    void theFeeIsTheHalfEvenPercentagePlusFixedWithinItsBounds(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount,
                                                              @ForAll @LongRange(min = 0, max = 999) long basisPoints,
                                                              @ForAll @LongRange(min = 0, max = 500) long fixed) {
        RatePlan plan = new RatePlan(BigDecimal.valueOf(basisPoints, 2), fixed, 0, OptionalLong.empty());
        long expected = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact() + fixed;
        assertEquals(Math.min(expected, amount), fee(plan, amount, "EUR"));
    }
}
