package io.reactivepay.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void parseUsesTheScaleOfTheCurrency() {
        assertEquals(1234, Money.parse("12.34", EUR).minorUnits());
        assertEquals(1200, Money.parse("12", EUR).minorUnits());
        assertEquals(12, Money.parse("12", JPY).minorUnits());
        assertEquals(12345, Money.parse("12.345", KWD).minorUnits());
        assertEquals(1230, Money.parse("12.300", EUR).minorUnits());
    }

    @Test
    void parseRefusesMoreDecimalsThanTheCurrencyHas() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("12.345", EUR));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1.5", JPY));
    }

    @Test
    void parseRefusesGarbageAndOverflow() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("12,34", EUR));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1e400", EUR));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("92233720368547758.08", EUR));
    }

    @Test
    void arithmeticIsExactAndRefusesMixedCurrencies() {
        assertEquals(Money.of(300, "EUR"), Money.of(100, "EUR").plus(Money.of(200, "EUR")));
        assertEquals(Money.of(-100, "EUR"), Money.of(100, "EUR").minus(Money.of(200, "EUR")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "EUR").plus(Money.of(1, "USD")));
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")));
    }

    @Test
    void formatsInMajorUnits() {
        assertEquals("12.30", Money.of(1230, "EUR").toDecimalString());
        assertEquals("-0.05", Money.of(-5, "EUR").toDecimalString());
        assertEquals("7", Money.of(7, "JPY").toDecimalString());
        assertEquals("1.005 KWD", Money.of(1005, "KWD").toString());
    }
}
