package io.reactivepay.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Runs work on a connection of the current transaction; a database failure becomes a system exception (rollback). */
public final class Jdbc {

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Lets the current transaction commit without waiting for its WAL to reach the disk
     * ({@code synchronous_commit off}, for this transaction only; the next one waits again). Safe only
     * for a transaction that a crash may undo without harm: PostgreSQL flushes its WAL in order, so
     * any synchronous commit after it (a payment, a transfer) makes it durable too, and what a crash
     * can lose is such a transaction committed in the last fraction of a second that nothing durable
     * has followed. Its rows are visible to other transactions as soon as it commits, as always.
     */
    public static void commitWithoutWaitingForDisk(Connection connection) throws SQLException {
        try (Statement local = connection.createStatement()) {
            local.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    public static <T> T with(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
