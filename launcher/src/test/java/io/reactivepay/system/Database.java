package io.reactivepay.system;

import io.reactivepay.launcher.EmbeddedSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the system's PostgreSQL directly, to check what the server really committed. */
final class Database {

    private Database() {
    }

    static long count(EmbeddedSystem system, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.databaseUser(), "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
