package io.reactivepay.connector.api;

/** The connector itself could not be used (not deployed, pool exhausted, misconfigured). */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
