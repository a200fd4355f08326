package io.reactivepay.platform.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the minor units of its currency (cents for EUR, yen for JPY, fils for KWD).
 * <p>
 * Arithmetic is exact: mixing currencies or overflowing a {@code long} is an error, never a silent
 * conversion or wrap-around.
 */
public record Money(long minorUnits, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("Currency " + currency + " has no minor unit and cannot carry money");
        }
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a major-unit decimal such as {@code "12.34"}. More decimals than the currency has is an
     * error, not a rounding: "12.345 EUR" is refused.
     */
    public static Money parse(String amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal major;
        try {
            major = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a decimal amount: '" + amount + "'", e);
        }
        int scale = currency.getDefaultFractionDigits();
        if (major.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    "Amount " + amount + " has more than " + scale + " decimals for " + currency);
        }
        try {
            return new Money(major.movePointRight(scale).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Amount " + amount + " is out of range", e);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount in major units as a plain string with the currency's scale, e.g. {@code "12.30"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " and " + other.currency);
        }
    }
}
