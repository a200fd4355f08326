package io.reactivepay.connector.api.messaging;

import io.reactivepay.connector.api.ConnectorException;

/** Looked up by JNDI name; every connection is used once, in try-with-resources. */
public interface TextMessageConnectionFactory {

    TextMessageConnection getConnection() throws ConnectorException;
}
