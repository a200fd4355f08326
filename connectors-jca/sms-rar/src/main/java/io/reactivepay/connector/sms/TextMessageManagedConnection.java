package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import io.reactivepay.connector.support.ConnectionHandle;
import io.reactivepay.connector.support.PooledManagedConnection;

/** A pooled connection to the gateway: the development outbox file or an HTTP provider. */
public class TextMessageManagedConnection extends PooledManagedConnection {

    private final MessageSender sender;

    TextMessageManagedConnection(MessageSender sender) {
        this.sender = sender;
    }

    Outcome send(TextMessage message) {
        return sender.send(message);
    }

    @Override
    protected ConnectionHandle<?> newHandle() {
        return new TextMessageConnectionImpl(this);
    }

    @Override
    protected String productName() {
        return "Text-message gateway";
    }
}
