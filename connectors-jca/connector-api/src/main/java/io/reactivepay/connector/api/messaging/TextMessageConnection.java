package io.reactivepay.connector.api.messaging;

import io.reactivepay.connector.api.Outcome;

/** A connection to a text-message gateway. */
public interface TextMessageConnection extends AutoCloseable {

    /** Hands the message to the gateway; {@link Outcome.Approved} carries the gateway's message id. */
    Outcome send(TextMessage message);

    @Override
    void close();
}
