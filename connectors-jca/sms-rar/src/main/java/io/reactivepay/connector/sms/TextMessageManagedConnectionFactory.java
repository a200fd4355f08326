package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.admin.CircuitState;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import io.reactivepay.connector.support.OutboundManagedConnectionFactory;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;

@ConnectionDefinition(connectionFactory = TextMessageConnectionFactory.class,
        connectionFactoryImpl = TextMessageConnectionFactoryImpl.class,
        connection = TextMessageConnection.class,
        connectionImpl = TextMessageConnectionImpl.class)
public class TextMessageManagedConnectionFactory extends OutboundManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(description = "Where file mode writes messages; empty means the system property "
            + "reactivepay.sms.outbox-dir, else sms-outbox under the server's working directory.")
    private String outboxDirectory = "";

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
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new TextMessageManagedConnection(new FileMessageSender(outboxPath()));
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
