package io.reactivepay.connector.support;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;

/**
 * An adapter that only calls out: no lifecycle of its own beyond its connection factories, no inbound
 * endpoints. Subclasses carry the {@code @Connector} annotation.
 */
public abstract class OutboundResourceAdapter implements ResourceAdapter {

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
        throw new NotSupportedException(getClass().getSimpleName() + " has no inbound side");
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
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
