package io.reactivepay.connector.api.admin;

/** A connection factory that can tell administrators what it is and how it is doing. */
public interface DescribedConnector {

    ConnectorInfo describe();
}
