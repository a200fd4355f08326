package io.reactivepay.connector.api.messaging;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.admin.DescribedConnector;

/** Looked up by JNDI name; every connection is used once, in try-with-resources. */
public interface TextMessageConnectionFactory extends DescribedConnector {

    TextMessageConnection getConnection() throws ConnectorException;
}
