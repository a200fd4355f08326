package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/** The JNDI-bound factory; connections come from the container's pool through its ConnectionManager. */
public class TextMessageConnectionFactoryImpl implements TextMessageConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final TextMessageManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    TextMessageConnectionFactoryImpl(TextMessageManagedConnectionFactory managedFactory, ConnectionManager manager) {
        this.managedFactory = managedFactory;
        this.connectionManager = manager;
    }

    @Override
    public TextMessageConnection getConnection() {
        try {
            return (TextMessageConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new ConnectorException("No text-message connection available", e);
        }
    }

    @Override
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
