package io.reactivepay.embedded;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A module's tests on a real PostgreSQL, without an application server: one server per test JVM with
 * the module's real migrations, and a data source that hands every call inside
 * {@link #inTransaction} the same connection, as JTA does inside the container.
 */
public final class TestDatabase {

    private static PostgresServer server;
    private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();
    /** One connection per thread, kept: a new PostgreSQL connection forks a backend, too slow per transaction. */
    private static final ThreadLocal<Connection> THREAD_CONNECTION = ThreadLocal.withInitial(() -> {
        try {
            Connection connection = connect();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Hands out the current transaction's connection; closing the handle leaves the transaction open. */
    public static final DataSource DATA_SOURCE = new TransactionBound();

    private TestDatabase() {
    }

    /** Starts PostgreSQL once per JVM and migrates the schemas from {@code db/migration/<schema>} on the class path. */
    public static synchronized void start(String... schemas) throws Exception {
        if (server == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Path.of("target", "test-db-" + ProcessHandle.current().pid()).toAbsolutePath();
            server = PostgresServer.start(dir.resolve("postgres"), port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (String schema : schemas) {
            Flyway.configure().dataSource(server.jdbcUrl(), server.user(), "").schemas(schema).createSchemas(true)
                    .locations("classpath:db/migration/" + schema).load().migrate();
        }
    }

    /** Runs the work as one transaction: committed if it returns, rolled back if it throws. */
    public static <T> T inTransaction(Callable<T> work) throws Exception {
        Connection connection = THREAD_CONNECTION.get();
        CURRENT.set(connection);
        try {
            T result = work.call();
            connection.commit();
            return result;
        } catch (Exception | Error e) {
            connection.rollback();
            throw e;
        } finally {
            CURRENT.remove();
        }
    }

    /** A connection of its own, outside any test transaction (autocommit), set up as the server's pool sets its own. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl() + "?reWriteBatchedInserts=true", server.user(), "");
    }

    private static final class TransactionBound implements DataSource {

        @Override
        public Connection getConnection() {
            Connection connection = CURRENT.get();
            if (connection == null) {
                throw new IllegalStateException("No transaction: wrap the call in TestDatabase.inTransaction");
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
