package io.reactivepay.vault.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.vault.api.VaultException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardRulesTest {

    @Test
    void luhnAcceptsRealTestNumbersAndRejectsEverySingleDigitChange() {
        for (String number : new String[] {"4242424242424242", "5555555555554444", "378282246310005", "4000000000003220"}) {
            assertTrue(CardRules.passesLuhn(number), number);
            for (int i = 0; i < number.length(); i++) {
                char original = number.charAt(i);
                char changed = (char) ('0' + (original - '0' + 1) % 10);
                String typo = number.substring(0, i) + changed + number.substring(i + 1);
                assertFalse(CardRules.passesLuhn(typo), typo);
            }
        }
    }

    @Test
    void refusesNonDigitsAndWrongLengths() {
        for (String bad : new String[] {"4242 4242 4242 4242", "42424242424", "42424242424242424242", "", null}) {
            VaultException refused = assertThrows(VaultException.class, () -> CardRules.requireValidNumber(bad));
            assertEquals(VaultException.INVALID_CARD_NUMBER, refused.errorCode());
        }
    }

    @Test
    void aCardIsValidUntilTheEndOfItsExpiryMonth() {
        YearMonth now = YearMonth.of(2026, 11);
        CardRules.requireNotExpired(now, now);
        VaultException refused = assertThrows(VaultException.class,
                () -> CardRules.requireNotExpired(YearMonth.of(2026, 10), now));
        assertEquals(VaultException.CARD_EXPIRED, refused.errorCode());
    }

    @Test
    void aSecurityCodeHasThreeOrFourDigits() {
        CardRules.requireValidSecurityCode("123");
        CardRules.requireValidSecurityCode("1234");
        assertThrows(VaultException.class, () -> CardRules.requireValidSecurityCode("12a"));
        assertThrows(VaultException.class, () -> CardRules.requireValidSecurityCode("12345"));
    }
}
