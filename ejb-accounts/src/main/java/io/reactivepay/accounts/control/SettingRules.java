package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.Setting;
import io.reactivepay.platform.money.Money;
import java.util.Locale;

/** Checks a new value of a setting against its type and bounds; returns it in its stored form. */
public final class SettingRules {

    private SettingRules() {
    }

    public static String validated(SettingStore.Stored stored, String raw) {
        String value = raw == null ? "" : raw.strip();
        try {
            return switch (stored.setting().type()) {
                case INTEGER -> String.valueOf(within(stored, Long.parseLong(value)));
                case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "false" -> value.toLowerCase(Locale.ROOT);
                    default -> throw invalid(stored, "true or false");
                };
                case TEXT -> {
                    if (value.isEmpty() || value.length() > 1000) {
                        throw invalid(stored, "1 to 1000 characters");
                    }
                    yield value;
                }
                case MONEY -> {
                    Money money = SettingStore.money(value);
                    Money current = SettingStore.money(stored.setting().value());
                    if (!money.currency().equals(current.currency())) {
                        throw invalid(stored, "an amount in " + current.currency());
                    }
                    within(stored, money.minorUnits());
                    yield money.toDecimalString() + " " + money.currency().getCurrencyCode();
                }
            };
        } catch (IllegalArgumentException e) {
            // NumberFormatException, or Money.parse's refusal of a malformed or over-precise amount
            throw invalid(stored, stored.setting().type() == Setting.Type.MONEY
                    ? "an amount such as 150.00 EUR" : "a whole number");
        }
    }

    private static long within(SettingStore.Stored stored, long value) {
        if (stored.minimum() != null && value < stored.minimum() || stored.maximum() != null && value > stored.maximum()) {
            throw invalid(stored, "a value from " + (stored.minimum() == null ? "any" : stored.minimum()) + " to "
                    + (stored.maximum() == null ? "any" : stored.maximum()));
        }
        return value;
    }

    private static AccountsException invalid(SettingStore.Stored stored, String expected) {
        return new AccountsException(AccountsException.INVALID_SETTING, stored.setting().key() + " takes " + expected);
    }
}
