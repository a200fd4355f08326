package io.reactivepay.connector.api.banking;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.admin.DescribedConnector;

/** Looked up by JNDI name; every connection is used once, in try-with-resources. */
public interface BankTransferConnectionFactory extends DescribedConnector {

    BankTransferConnection getConnection() throws ConnectorException;
}
