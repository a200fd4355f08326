package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.Setting;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;

/** Reads system settings inside the caller's transaction; every key a module reads is seeded by a migration. */
public final class SettingStore {

    private SettingStore() {
    }

    public static long integer(Connection connection, String key) throws SQLException {
        return Long.parseLong(value(connection, key, Setting.Type.INTEGER));
    }

    public static Money money(Connection connection, String key) throws SQLException {
        return money(value(connection, key, Setting.Type.MONEY));
    }

    /** Reads {@code "150.00 EUR"}. */
    public static Money money(String value) {
        String[] amountAndCurrency = value.strip().split(" ");
        if (amountAndCurrency.length != 2) {
            throw new IllegalArgumentException("An amount reads like 150.00 EUR");
        }
        return Money.parse(amountAndCurrency[0], Currency.getInstance(amountAndCurrency[1]));
    }

    private static String value(Connection connection, String key, Setting.Type type) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value FROM accounts.system_setting WHERE key = ? AND value_type = ?")) {
            select.setString(1, key);
            select.setString(2, type.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("System setting " + key + " of type " + type + " is missing");
                }
                return row.getString(1);
            }
        }
    }
}
