package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.support.ConnectionHandle;
import io.reactivepay.connector.support.PooledManagedConnection;

/** A pooled connection to the acquirer; the HTTP connections themselves are pooled by the shared client. */
public class AcquirerManagedConnection extends PooledManagedConnection {

    private final AcquirerClient client;

    AcquirerManagedConnection(AcquirerClient client) {
        this.client = client;
    }

    AcquirerClient client() {
        return client;
    }

    @Override
    protected ConnectionHandle<?> newHandle() {
        return new CardAcquiringConnectionImpl(this);
    }

    @Override
    protected String productName() {
        return "Card acquirer (JSON over HTTP)";
    }
}
