package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import io.reactivepay.connector.support.ConnectionHandle;
import io.reactivepay.connector.support.PooledManagedConnection;

/** A pooled connection to the gateway; here the gateway is the development outbox file. */
public class TextMessageManagedConnection extends PooledManagedConnection {

    private final FileMessageSender sender;

    TextMessageManagedConnection(FileMessageSender sender) {
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
        return "ReactivePay development text-message outbox";
    }
}
