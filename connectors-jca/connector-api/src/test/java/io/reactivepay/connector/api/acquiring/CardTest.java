package io.reactivepay.connector.api.acquiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardTest {

    private static final Card CARD = new Card("4000000000000002", YearMonth.of(2030, 12), "123");

    @Test
    void printsOnlyBinAndLastFour() {
        assertEquals("400000******0002", CARD.masked());
        assertFalse(CARD.toString().contains("4000000000000002"), CARD.toString());
        assertFalse(CARD.toString().contains("123"), CARD.toString());
    }

    @Test
    void anAuthorisationPrintsNoCardNumberEither() {
        Authorisation authorisation = new Authorisation("r-1", Money.of(1000, "EUR"), CARD, URI.create("http://shop/back"));
        assertFalse(authorisation.toString().contains("4000000000000002"), authorisation.toString());
    }

    @Test
    void refusesMalformedNumbersAndCodes() {
        assertThrows(IllegalArgumentException.class, () -> new Card("4000 0000 0000 0002", YearMonth.of(2030, 1), "123"));
        assertThrows(IllegalArgumentException.class, () -> new Card("4000000000000002", YearMonth.of(2030, 1), "12"));
    }
}
