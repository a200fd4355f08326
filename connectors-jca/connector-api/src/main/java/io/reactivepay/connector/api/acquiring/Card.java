package io.reactivepay.connector.api.acquiring;

import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A card as the acquirer needs it for one authorisation: number, expiry and security code. Held only
 * for the duration of that call; {@link #toString()} shows BIN and last four, never the rest.
 */
public record Card(String number, YearMonth expiry, String securityCode) {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern SECURITY_CODE = Pattern.compile("[0-9]{3,4}");

    public Card {
        Objects.requireNonNull(expiry, "expiry");
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("A card number has 12 to 19 digits");
        }
        if (securityCode == null || !SECURITY_CODE.matcher(securityCode).matches()) {
            throw new IllegalArgumentException("A card security code has 3 or 4 digits");
        }
    }

    /** First six and last four digits, the rest masked: the only form of the number fit for logs. */
    public String masked() {
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return "Card[" + masked() + ", expiry=" + expiry + "]";
    }
}
