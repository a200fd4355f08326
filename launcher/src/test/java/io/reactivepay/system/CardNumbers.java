package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.reactivepay.launcher.EmbeddedSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Card-number hygiene: a number must not show in any log line, any table row (outbox included) or any
 * Kafka record of the running system.
 */
final class CardNumbers {

    private CardNumbers() {
    }

    static void assertNowhere(EmbeddedSystem system, String number) throws Exception {
        assertNotInLogs(system.serverLog().getParent(), number);
        assertEquals(List.of(), tablesHolding(system, number), "tables whose rows hold the card number");
        List<String> topics = EventLog.readAll(system.kafkaBootstrapServers(), Duration.ofSeconds(30)).stream()
                .filter(event -> String.valueOf(event.key()).contains(number) || String.valueOf(event.value()).contains(number))
                .map(event -> event.topic() + "@" + event.offset()).toList();
        assertEquals(List.of(), topics, "Kafka records holding the card number");
    }

    private static void assertNotInLogs(Path logs, String number) throws Exception {
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(log).contains(number), "card number in " + log);
            }
        }
    }

    /** Every table of every schema, each row as text (all its columns), searched for the number. */
    private static List<String> tablesHolding(EmbeddedSystem system, String number) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.databaseUser(), "")) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(table_schema) || '.' "
                    + "|| quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                    + "AND table_schema NOT IN ('pg_catalog', 'information_schema')");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?")) {
                    statement.setString(1, "%" + number + "%");
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        if (row.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }
}
