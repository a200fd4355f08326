package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import io.reactivepay.connector.api.messaging.TextMessageConnection;

/** The handle an application holds; closing it returns the managed connection to the pool. */
public class TextMessageConnectionImpl implements TextMessageConnection {

    private TextMessageManagedConnection managedConnection;

    TextMessageConnectionImpl(TextMessageManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    void associate(TextMessageManagedConnection connection) {
        this.managedConnection = connection;
    }

    @Override
    public Outcome send(TextMessage message) {
        if (managedConnection == null) {
            throw new IllegalStateException("Connection is closed");
        }
        return managedConnection.send(message);
    }

    @Override
    public void close() {
        if (managedConnection != null) {
            managedConnection.handleClosed(this);
            managedConnection = null;
        }
    }
}
