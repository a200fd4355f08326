package io.reactivepay.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's own account of where its time went, from {@code pg_stat_statements}: the statements
 * that took the most execution plus planning time between {@link #reset} and {@link #report}.
 */
final class StatementProfile {

    private final String url;
    private final String user;
    private final boolean enabled;

    StatementProfile(String url, String user, boolean enabled) {
        this.url = url;
        this.user = user;
        this.enabled = enabled;
    }

    void reset() throws SQLException {
        if (enabled) {
            try (Connection connection = DriverManager.getConnection(url, user, ""); Statement sql = connection.createStatement()) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                sql.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /** A Markdown table of the top statements, or nothing when profiling is off. */
    String report(String run) throws SQLException {
        if (!enabled) {
            return "";
        }
        StringBuilder table = new StringBuilder("\nPostgreSQL time per statement during '" + run + "':\n\n")
                .append("| calls | exec ms total | exec ms mean | plans | plan ms mean | rows | statement |\n|---|---|---|---|---|---|---|\n");
        String sql = """
                SELECT calls, total_exec_time, mean_exec_time, plans, CASE WHEN plans > 0 THEN total_plan_time / plans END,
                       rows, regexp_replace(left(query, 90), '\\s+', ' ', 'g')
                FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 16""";
        try (Connection connection = DriverManager.getConnection(url, user, ""); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery(sql)) {
            while (row.next()) {
                table.append(String.format("| %d | %.0f | %.3f | %d | %.3f | %d | `%s` |%n", row.getLong(1), row.getDouble(2),
                        row.getDouble(3), row.getLong(4), row.getDouble(5), row.getLong(6), row.getString(7).replace("|", "\\|")));
            }
        }
        return table.toString();
    }
}
