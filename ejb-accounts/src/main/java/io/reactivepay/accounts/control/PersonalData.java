package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.platform.error.ErrorCode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates and normalises personal data before it is encrypted and indexed: the blind index only
 * finds what was normalised the same way. Messages never repeat the value, which may be logged.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final LocalDate OLDEST = LocalDate.of(1900, 1, 1);

    private PersonalData() {
    }

    /** Lower case, trimmed; null stays null. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return require(email.length() <= 254 && EMAIL.matcher(email).matches(), email, "The e-mail address is not valid");
    }

    /** E.164 ({@code +} and 8 to 15 digits) without spaces or punctuation; null stays null. */
    public static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String phone = PHONE_PUNCTUATION.matcher(raw).replaceAll("");
        return require(PHONE.matcher(phone).matches(), phone, "The phone number must be international, e.g. +4915112345678");
    }

    public static String text(String raw, int maxLength, String what) {
        return text(raw, maxLength, what, AccountsException.INVALID_PERSONAL_DATA);
    }

    /** Trimmed, 1 to {@code maxLength} characters, or refused with {@code code}; null stays null. */
    public static String text(String raw, int maxLength, String what, ErrorCode code) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty() || text.length() > maxLength) {
            throw new AccountsException(code, what + " must have 1 to " + maxLength + " characters");
        }
        return text;
    }

    public static LocalDate birthDate(LocalDate date) {
        return date == null ? null
                : require(!date.isBefore(OLDEST) && !date.isAfter(LocalDate.now()), date, "The date of birth is not plausible");
    }

    public static String country(String raw) {
        return country(raw, AccountsException.INVALID_PERSONAL_DATA);
    }

    public static String country(String raw, ErrorCode code) {
        if (raw != null && !COUNTRIES.contains(raw)) {
            throw new AccountsException(code, "The country must be an ISO 3166 code such as DE");
        }
        return raw;
    }

    private static <T> T require(boolean valid, T value, String message) {
        if (!valid) {
            throw new AccountsException(AccountsException.INVALID_PERSONAL_DATA, message);
        }
        return value;
    }
}
