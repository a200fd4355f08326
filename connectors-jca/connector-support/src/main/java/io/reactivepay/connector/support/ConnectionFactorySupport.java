package io.reactivepay.connector.support;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/** The JNDI-bound factory's plumbing: connections come from the container's pool through its ConnectionManager. */
public abstract class ConnectionFactorySupport implements Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final OutboundManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    protected ConnectionFactorySupport(OutboundManagedConnectionFactory managedFactory, ConnectionManager manager) {
        this.managedFactory = managedFactory;
        this.connectionManager = manager;
    }

    protected <C> C allocate(Class<C> connectionType) {
        try {
            return connectionType.cast(connectionManager.allocateConnection(managedFactory, null));
        } catch (ResourceException e) {
            throw new ConnectorException("No " + connectionType.getSimpleName() + " available", e);
        }
    }

    /** Implements {@code DescribedConnector.describe()} of the connector-api factory interfaces. */
    public ConnectorInfo describe() {
        return managedFactory.describe();
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
