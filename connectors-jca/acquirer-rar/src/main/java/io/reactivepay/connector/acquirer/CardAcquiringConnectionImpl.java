package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.Authorisation;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.Settlement;
import io.reactivepay.connector.support.ConnectionHandle;

public class CardAcquiringConnectionImpl extends ConnectionHandle<AcquirerManagedConnection>
        implements CardAcquiringConnection {

    CardAcquiringConnectionImpl(AcquirerManagedConnection managedConnection) {
        super(AcquirerManagedConnection.class, managedConnection);
    }

    @Override
    public Outcome authorise(Authorisation authorisation) {
        return managedConnection().client().authorise(authorisation);
    }

    @Override
    public Outcome capture(Settlement capture) {
        return managedConnection().client().capture(capture);
    }

    @Override
    public Outcome cancel(String requestId, String reference) {
        return managedConnection().client().cancel(requestId, reference);
    }

    @Override
    public Outcome refund(Settlement refund) {
        return managedConnection().client().refund(refund);
    }

    @Override
    public Outcome status(String requestId) {
        return managedConnection().client().status(requestId);
    }
}
