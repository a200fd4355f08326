package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import io.reactivepay.connector.support.ConnectionFactorySupport;
import jakarta.resource.spi.ConnectionManager;

/** The JNDI-bound factory; connections come from the container's pool through its ConnectionManager. */
public class TextMessageConnectionFactoryImpl extends ConnectionFactorySupport implements TextMessageConnectionFactory {

    private static final long serialVersionUID = 1L;

    TextMessageConnectionFactoryImpl(TextMessageManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager);
    }

    @Override
    public TextMessageConnection getConnection() {
        return allocate(TextMessageConnection.class);
    }
}
