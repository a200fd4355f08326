package io.reactivepay.connector.sms;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;

/** Outbound only: the adapter has no lifecycle of its own beyond its connection factories. */
@Connector(displayName = "ReactivePay text messages", vendorName = "ReactivePay", eisType = "SMS gateway",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TextMessageResourceAdapter implements ResourceAdapter {

    @Override
    public void start(BootstrapContext context) {
        // nothing to start: connections are opened per use
    }

    @Override
    public void stop() {
        // nothing to stop
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws NotSupportedException {
        throw new NotSupportedException("The text-message adapter has no inbound side");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // no inbound endpoints are ever activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextMessageResourceAdapter;
    }

    @Override
    public int hashCode() {
        return TextMessageResourceAdapter.class.hashCode();
    }
}
