package io.reactivepay.connector.support;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * Non-managed mode (JCA 2.1, 3.5.3): the adapter used outside an application server, as by its tests
 * and tools. No pool: every connection is made for one use and destroyed when its handle closes.
 */
public final class UnmanagedConnections implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection connection = factory.createManagedConnection(null, info);
        connection.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                try {
                    connection.destroy();
                } catch (ResourceException e) {
                    throw new IllegalStateException("Could not destroy a connection", e);
                }
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
                // connections here take part in no transaction
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
                // connections here take part in no transaction
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
                // connections here take part in no transaction
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                connectionClosed(event);
            }
        });
        return connection.getConnection(null, info);
    }
}
