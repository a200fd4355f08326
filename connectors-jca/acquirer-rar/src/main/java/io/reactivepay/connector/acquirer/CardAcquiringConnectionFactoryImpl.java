package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.support.ConnectionFactorySupport;
import jakarta.resource.spi.ConnectionManager;

public class CardAcquiringConnectionFactoryImpl extends ConnectionFactorySupport
        implements CardAcquiringConnectionFactory {

    private static final long serialVersionUID = 1L;

    CardAcquiringConnectionFactoryImpl(AcquirerManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager);
    }

    @Override
    public CardAcquiringConnection getConnection() {
        return allocate(CardAcquiringConnection.class);
    }
}
