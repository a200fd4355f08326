package io.reactivepay.accounts.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads system settings inside the caller's transaction; every key a module reads is seeded by a migration. */
public final class SettingStore {

    private SettingStore() {
    }

    public static long integer(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value FROM accounts.system_setting WHERE key = ? AND value_type = 'INTEGER'")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("System setting " + key + " is missing");
                }
                return Long.parseLong(row.getString(1));
            }
        }
    }
}
