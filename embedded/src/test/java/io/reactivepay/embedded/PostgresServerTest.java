package io.reactivepay.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path tempDir;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        Path dataDir = tempDir.resolve("postgres");
        int port = freePort();

        try (PostgresServer server = PostgresServer.start(dataDir, port)) {
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/reactivepay", server.jdbcUrl());
            try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE payment (id BIGINT PRIMARY KEY, amount NUMERIC(19, 4) NOT NULL)");
                statement.execute("INSERT INTO payment VALUES (1, 12.3400)");
            }
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")));

        try (PostgresServer server = PostgresServer.start(dataDir, port);
             Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT amount FROM payment WHERE id = 1")) {
            assertTrue(rows.next());
            assertEquals("12.3400", rows.getBigDecimal(1).toPlainString());
        }
    }

    @Test
    void refusesAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> PostgresServer.start(tempDir.resolve("postgres"), port));

            assertTrue(failure.getMessage().startsWith("Port " + port + " for PostgreSQL is already in use"),
                    failure.getMessage());
        }
    }

    private static Connection connect(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
