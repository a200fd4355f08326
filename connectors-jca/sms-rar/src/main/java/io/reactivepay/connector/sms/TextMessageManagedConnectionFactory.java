package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.admin.CircuitState;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;

@ConnectionDefinition(connectionFactory = TextMessageConnectionFactory.class,
        connectionFactoryImpl = TextMessageConnectionFactoryImpl.class,
        connection = TextMessageConnection.class,
        connectionImpl = TextMessageConnectionImpl.class)
public class TextMessageManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(description = "Where file mode writes messages; empty means the system property "
            + "reactivepay.sms.outbox-dir, else sms-outbox under the server's working directory.")
    private String outboxDirectory = "";

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    public String getOutboxDirectory() {
        return outboxDirectory;
    }

    public void setOutboxDirectory(String outboxDirectory) {
        this.outboxDirectory = outboxDirectory;
    }

    Path outboxPath() {
        String configured = outboxDirectory == null || outboxDirectory.isBlank()
                ? System.getProperty("reactivepay.sms.outbox-dir", "sms-outbox")
                : outboxDirectory;
        return Path.of(configured);
    }

    ConnectorInfo describe() {
        return new ConnectorInfo("sms-rar", "text messages", Map.of("mode", "file", "outboxDirectory",
                outboxPath().toAbsolutePath().toString()), CircuitState.NONE);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new TextMessageConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("The text-message connector runs only inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new TextMessageManagedConnection(new FileMessageSender(outboxPath()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        // all connections are alike: any pooled one will do
        for (Object candidate : candidates) {
            if (candidate instanceof TextMessageManagedConnection connection) {
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

    @Override
    public boolean equals(Object other) {
        return other instanceof TextMessageManagedConnectionFactory that
                && Objects.equals(outboxDirectory, that.outboxDirectory);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(outboxDirectory);
    }
}
