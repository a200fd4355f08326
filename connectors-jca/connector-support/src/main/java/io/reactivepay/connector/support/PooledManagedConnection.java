package io.reactivepay.connector.support;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection to a third party that takes part in no transaction (a call to an acquirer or a
 * bank cannot be rolled back). Subclasses say what their handles are and what the third party is called.
 */
public abstract class PooledManagedConnection implements ManagedConnection {

    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandle<?>> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    /** A new application-level handle on this connection. */
    protected abstract ConnectionHandle<?> newHandle();

    /** The third party's product name, for the container's metadata. */
    protected abstract String productName();

    void handleClosed(ConnectionHandle<?> handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        ConnectionHandle<?> handle = newHandle();
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) {
        ConnectionHandle<?> handle = (ConnectionHandle<?>) connection;
        handle.associate(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        handles.forEach(handle -> handle.associate(null));
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws NotSupportedException {
        throw new NotSupportedException(productName() + " cannot take part in a transaction");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws NotSupportedException {
        throw new NotSupportedException(productName() + " cannot take part in a transaction");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return productName();
            }

            @Override
            public String getEISProductVersion() {
                return "1.0";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return "";
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
