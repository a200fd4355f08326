package io.reactivepay.vault.control;

import io.reactivepay.vault.api.VaultException;
import java.time.YearMonth;

/** What a card must pass before the vault keeps it or sends it: digits, Luhn check digit, expiry. */
public final class CardRules {

    private CardRules() {
    }

    public static void requireValidNumber(String number) {
        if (number == null || !number.matches("[0-9]{12,19}") || !passesLuhn(number)) {
            throw new VaultException(VaultException.INVALID_CARD_NUMBER, "Not a valid card number");
        }
    }

    /** A card is valid to the last day of its expiry month. */
    public static void requireNotExpired(YearMonth expiry, YearMonth now) {
        if (expiry == null || expiry.isBefore(now)) {
            throw new VaultException(VaultException.CARD_EXPIRED, "The card has expired");
        }
    }

    public static void requireValidSecurityCode(String code) {
        if (code == null || !code.matches("[0-9]{3,4}")) {
            throw new VaultException(VaultException.INVALID_SECURITY_CODE, "A security code has 3 or 4 digits");
        }
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
