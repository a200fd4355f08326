package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.support.ConnectionHandle;

/** The handle an application holds; closing it returns the managed connection to the pool. */
public class TextMessageConnectionImpl extends ConnectionHandle<TextMessageManagedConnection>
        implements TextMessageConnection {

    TextMessageConnectionImpl(TextMessageManagedConnection managedConnection) {
        super(TextMessageManagedConnection.class, managedConnection);
    }

    @Override
    public Outcome send(TextMessage message) {
        return managedConnection().send(message);
    }
}
