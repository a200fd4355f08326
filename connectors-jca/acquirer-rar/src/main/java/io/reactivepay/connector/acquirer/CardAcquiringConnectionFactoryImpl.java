package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.support.ConnectionFactorySupport;
import jakarta.resource.spi.ConnectionManager;

public class CardAcquiringConnectionFactoryImpl extends ConnectionFactorySupport
        implements CardAcquiringConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final AcquirerManagedConnectionFactory managedFactory;

    CardAcquiringConnectionFactoryImpl(AcquirerManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager);
        this.managedFactory = managedFactory;
    }

    @Override
    public CardAcquiringConnection getConnection() {
        return allocate(CardAcquiringConnection.class);
    }

    @Override
    public ConnectorInfo describe() {
        return managedFactory.describe();
    }
}
