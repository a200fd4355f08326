package io.reactivepay.ledger.boundary;

import io.reactivepay.embedded.PostgresServer;
import io.reactivepay.ledger.control.AccountStore;
import io.reactivepay.ledger.control.BalanceRoller;
import io.reactivepay.ledger.control.HoldStore;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.ledger.control.InvariantChecker;
import io.reactivepay.ledger.control.Journal;
import io.reactivepay.ledger.control.OutboxWriter;
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
 * The ledger's beans on a real PostgreSQL, without an application server: one server per test JVM, the
 * real migrations, and a data source that gives every call inside {@link #inTransaction} the same
 * connection, as JTA does inside the container. Each test JVM uses a fresh database directory.
 */
final class LedgerDatabase {

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

    static final DataSource DATA_SOURCE = new TransactionBound();
    static final LedgerBean LEDGER = new LedgerBean();
    static final HoldsBean HOLDS = new HoldsBean();
    static final LedgerAuditBean AUDIT = new LedgerAuditBean();
    static final LedgerMaintenance MAINTENANCE = new LedgerMaintenance();

    private LedgerDatabase() {
    }

    static synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Path.of("target", "ledger-it-" + ProcessHandle.current().pid()).toAbsolutePath();
        server = PostgresServer.start(dir.resolve("postgres"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        Flyway.configure().dataSource(server.jdbcUrl(), server.user(), "").schemas("ledger").createSchemas(true)
                .locations("classpath:db/migration/ledger").load().migrate();

        AccountStore accounts = new AccountStore();
        Journal journal = new Journal(accounts, new OutboxWriter());
        HoldStore holds = new HoldStore(accounts, journal);
        IdempotencyRecords idempotency = new IdempotencyRecords();
        LEDGER.dataSource = DATA_SOURCE;
        LEDGER.accounts = accounts;
        LEDGER.journal = journal;
        LEDGER.idempotency = idempotency;
        HOLDS.dataSource = DATA_SOURCE;
        HOLDS.holds = holds;
        HOLDS.idempotency = idempotency;
        AUDIT.dataSource = DATA_SOURCE;
        AUDIT.checker = new InvariantChecker();
        MAINTENANCE.dataSource = DATA_SOURCE;
        MAINTENANCE.roller = new BalanceRoller();
        MAINTENANCE.holds = holds;
        MAINTENANCE.idempotency = idempotency;
    }

    /** Runs the work as one transaction: committed if it returns, rolled back if it throws. */
    static <T> T inTransaction(Callable<T> work) throws Exception {
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

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
    }

    /** Hands out the current transaction's connection; closing the handle leaves the transaction open. */
    private static final class TransactionBound implements DataSource {

        @Override
        public Connection getConnection() {
            Connection connection = CURRENT.get();
            if (connection == null) {
                throw new IllegalStateException("No transaction: wrap the call in LedgerDatabase.inTransaction");
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
