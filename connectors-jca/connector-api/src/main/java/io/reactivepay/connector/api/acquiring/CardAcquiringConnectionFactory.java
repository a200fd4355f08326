package io.reactivepay.connector.api.acquiring;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.admin.DescribedConnector;

/** Looked up by JNDI name; every connection is used once, in try-with-resources. */
public interface CardAcquiringConnectionFactory extends DescribedConnector {

    CardAcquiringConnection getConnection() throws ConnectorException;
}
