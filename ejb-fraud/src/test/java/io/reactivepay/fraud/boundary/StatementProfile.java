package io.reactivepay.fraud.boundary;

import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's account of the statements a measurement ran, from {@code pg_stat_statements} when the
 * embedded server preloads it ({@code -Dreactivepay.postgres.settings=shared_preload_libraries=pg_stat_statements});
 * otherwise it reports nothing.
 */
final class StatementProfile {

    private StatementProfile() {
    }

    static boolean enabled() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SHOW shared_preload_libraries")) {
            return row.next() && row.getString(1).contains("pg_stat_statements");
        }
    }

    static void reset() throws SQLException {
        if (enabled()) {
            try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                sql.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /** The fraud statements since {@link #reset}, with calls per screening; empty when profiling is off. */
    static String report(int screenings) throws SQLException {
        if (!enabled()) {
            return "";
        }
        StringBuilder table = new StringBuilder("\n| calls/screening | exec ms mean | plan ms mean | rows/call | statement |\n|---|---|---|---|---|\n");
        double total = 0;
        String sql = """
                SELECT calls, mean_exec_time, CASE WHEN plans > 0 THEN total_plan_time / plans ELSE 0 END, rows, regexp_replace(left(query, 110), '\\s+', ' ', 'g') FROM pg_stat_statements
                WHERE query ILIKE '%fraud.%' ORDER BY total_exec_time DESC LIMIT 12""";
        try (Connection connection = TestDatabase.connect(); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery(sql)) {
            while (row.next()) {
                double perScreening = row.getLong(1) / (double) screenings;
                total += perScreening;
                table.append(String.format("| %.2f | %.3f | %.3f | %.1f | `%s` |%n", perScreening, row.getDouble(2),
                        row.getDouble(3), row.getLong(4) / (double) Math.max(1, row.getLong(1)), row.getString(5)));
            }
        }
        return table.append(String.format("statements per screening: %.2f%n", total)).toString();
    }
}
