package io.reactivepay.connector.support;

/**
 * The handle an application holds (it implements the connector-api connection); closing it returns the
 * managed connection to the pool. The container may move a handle to another managed connection.
 */
public abstract class ConnectionHandle<M extends PooledManagedConnection> implements AutoCloseable {

    private final Class<M> type;
    private M managedConnection;

    protected ConnectionHandle(Class<M> type, M managedConnection) {
        this.type = type;
        this.managedConnection = managedConnection;
    }

    void associate(PooledManagedConnection connection) {
        this.managedConnection = connection == null ? null : type.cast(connection);
    }

    /** @throws IllegalStateException once the handle is closed */
    protected M managedConnection() {
        M current = managedConnection;
        if (current == null) {
            throw new IllegalStateException("Connection is closed");
        }
        return current;
    }

    @Override
    public void close() {
        M current = managedConnection;
        if (current != null) {
            managedConnection = null;
            current.handleClosed(this);
        }
    }
}
