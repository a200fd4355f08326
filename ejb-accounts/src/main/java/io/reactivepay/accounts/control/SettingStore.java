package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.Setting;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Reads system settings inside the caller's transaction; every key a module reads is seeded by a migration. */
public final class SettingStore {

    private static final String COLUMNS = "key, value_type, value, description, minimum, maximum";

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

    /** A setting with its bounds, as stored. */
    public record Stored(Setting setting, Long minimum, Long maximum) {
    }

    public static List<Setting> all(Connection connection) throws SQLException {
        List<Setting> settings = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM accounts.system_setting ORDER BY key");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                settings.add(stored(row).setting());
            }
        }
        return settings;
    }

    public static Optional<Stored> find(Connection connection, String key, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM accounts.system_setting WHERE key = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(stored(row)) : Optional.empty();
            }
        }
    }

    public static Setting update(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.system_setting SET value = ?, "
                + "updated_at = now() WHERE key = ? RETURNING " + COLUMNS)) {
            update.setString(1, value);
            update.setString(2, key);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return stored(row).setting();
            }
        }
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(new Setting(row.getString(1), Setting.Type.valueOf(row.getString(2)), row.getString(3),
                row.getString(4)), row.getObject(5, Long.class), row.getObject(6, Long.class));
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
