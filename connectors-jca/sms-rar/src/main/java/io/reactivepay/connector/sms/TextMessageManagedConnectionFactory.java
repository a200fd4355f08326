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
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
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

    @ConfigProperty(description = "file (development outbox, the embedded default) or http (a provider); empty: "
            + "the system property reactivepay.sms.mode, else file")
    private String mode = "";

    @ConfigProperty(description = "http mode: the provider's URL messages are posted to; empty: reactivepay.sms.gateway-url")
    private String gatewayUrl = "";

    @ConfigProperty(description = "http mode: the provider's API key, sent as a bearer token; empty: reactivepay.sms.api-key",
            confidential = true)
    private String apiKey = "";

    @ConfigProperty(description = "http mode: how long to wait for the provider, in milliseconds")
    private Integer timeoutMillis = 5000;

    private transient HttpClient http;

    public String getOutboxDirectory() {
        return outboxDirectory;
    }

    public void setOutboxDirectory(String outboxDirectory) {
        this.outboxDirectory = outboxDirectory;
    }

    Path outboxPath() {
        return Path.of(setting(outboxDirectory, "reactivepay.sms.outbox-dir", "sms-outbox"));
    }

    private boolean httpMode() {
        return "http".equals(setting(mode, "reactivepay.sms.mode", "file"));
    }

    private synchronized MessageSender sender() {
        if (!httpMode()) {
            return new FileMessageSender(outboxPath());
        }
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMillis)).build();
        }
        return new HttpMessageSender(http, URI.create(setting(gatewayUrl, "reactivepay.sms.gateway-url", "")),
                setting(apiKey, "reactivepay.sms.api-key", ""), Duration.ofMillis(timeoutMillis));
    }

    @Override
    public ConnectorInfo describe() {
        Map<String, String> settings = httpMode()
                ? Map.of("mode", "http", "gatewayUrl", setting(gatewayUrl, "reactivepay.sms.gateway-url", ""),
                        "timeoutMillis", timeoutMillis.toString())
                : Map.of("mode", "file", "outboxDirectory", outboxPath().toAbsolutePath().toString());
        return new ConnectorInfo("sms-rar", "text messages", settings, CircuitState.NONE);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new TextMessageConnectionFactoryImpl(this, manager);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new TextMessageManagedConnection(sender());
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    public void setGatewayUrl(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Integer getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(Integer timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextMessageManagedConnectionFactory that
                && Objects.equals(outboxDirectory, that.outboxDirectory) && Objects.equals(mode, that.mode)
                && Objects.equals(gatewayUrl, that.gatewayUrl) && Objects.equals(apiKey, that.apiKey)
                && Objects.equals(timeoutMillis, that.timeoutMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outboxDirectory, mode, gatewayUrl, timeoutMillis);
    }
}
