package io.reactivepay.connector.support;

import io.reactivepay.connector.api.admin.ConnectorInfo;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The managed connection factory's plumbing for an adapter whose connections are all alike and take
 * part in no transaction. Subclasses hold the {@code @ConfigProperty} settings.
 */
public abstract class OutboundManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    /** What administrators see of this factory: its settings without secrets and its circuit state. */
    public abstract ConnectorInfo describe();

    /**
     * A setting's value: the configured one, else (when blank) the system property, which the launcher
     * sets on the embedded default, else its environment variable as MicroProfile Config names it
     * ({@code reactivepay.acquirer.url} → {@code REACTIVEPAY_ACQUIRER_URL}, for containers), else the fallback.
     */
    protected static String setting(String configured, String systemProperty, String fallback) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String property = System.getProperty(systemProperty);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = System.getenv(systemProperty.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        return variable != null && !variable.isBlank() ? variable : fallback;
    }

    /** Non-managed mode: connections made for one use each, outside any application server. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        return createConnectionFactory(new UnmanagedConnections());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        // all connections of one factory are alike: any pooled one will do
        for (Object candidate : candidates) {
            if (candidate instanceof PooledManagedConnection connection) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        // Declared here as well as on @Connector: Payara otherwise tries XA enlistment for the pool.
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = adapter;
    }
}
