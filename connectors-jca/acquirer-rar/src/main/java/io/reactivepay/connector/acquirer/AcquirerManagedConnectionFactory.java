package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.support.CircuitBreaker;
import io.reactivepay.connector.support.OutboundManagedConnectionFactory;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;

/**
 * The acquirer's settings. Empty URL, user and password fall back to the system properties
 * {@code reactivepay.acquirer.url|user|password}, which the launcher sets for its simulator.
 */
@ConnectionDefinition(connectionFactory = CardAcquiringConnectionFactory.class,
        connectionFactoryImpl = CardAcquiringConnectionFactoryImpl.class,
        connection = CardAcquiringConnection.class,
        connectionImpl = CardAcquiringConnectionImpl.class)
public class AcquirerManagedConnectionFactory extends OutboundManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(description = "Base URL of the acquirer's API; empty: system property reactivepay.acquirer.url, "
            + "else http://127.0.0.1:8090 (the launcher's simulator)")
    private String serverUrl = "";

    @ConfigProperty(description = "User of HTTP Basic authentication; empty: reactivepay.acquirer.user, else reactivepay")
    private String userName = "";

    @ConfigProperty(description = "Password of HTTP Basic authentication; empty: reactivepay.acquirer.password",
            confidential = true)
    private String password = "";

    @ConfigProperty(description = "How long to wait for a TCP connection, in milliseconds")
    private Integer connectTimeoutMillis = 2000;

    @ConfigProperty(description = "How long to wait for an answer before the outcome is unknown, in milliseconds")
    private Integer readTimeoutMillis = 10_000;

    @ConfigProperty(description = "Consecutive failures (timeouts, server errors) that open the circuit")
    private Integer failureThreshold = 5;

    @ConfigProperty(description = "How long an open circuit refuses calls before one probe, in milliseconds")
    private Integer coolDownMillis = 30_000;

    private transient AcquirerClient client;

    private synchronized AcquirerClient client() {
        if (client == null) {
            client = new AcquirerClient(URI.create(serverUrl()),
                    userName(), setting(password, "reactivepay.acquirer.password", ""),
                    Duration.ofMillis(connectTimeoutMillis), Duration.ofMillis(readTimeoutMillis),
                    new CircuitBreaker("acquirer", failureThreshold, Duration.ofMillis(coolDownMillis)));
        }
        return client;
    }

    private String serverUrl() {
        return setting(serverUrl, "reactivepay.acquirer.url", "http://127.0.0.1:8090");
    }

    private String userName() {
        return setting(userName, "reactivepay.acquirer.user", "reactivepay");
    }

    @Override
    public ConnectorInfo describe() {
        return new ConnectorInfo("acquirer-rar", "card acquiring", Map.of(
                "serverUrl", serverUrl(),
                "userName", userName(),
                "connectTimeoutMillis", connectTimeoutMillis.toString(),
                "readTimeoutMillis", readTimeoutMillis.toString(),
                "failureThreshold", failureThreshold.toString(),
                "coolDownMillis", coolDownMillis.toString()), client().breaker().state());
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new CardAcquiringConnectionFactoryImpl(this, manager);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new AcquirerManagedConnection(client());
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public void setServerUrl(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Integer getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public Integer getReadTimeoutMillis() {
        return readTimeoutMillis;
    }

    public void setReadTimeoutMillis(Integer readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Integer getFailureThreshold() {
        return failureThreshold;
    }

    public void setFailureThreshold(Integer failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    public Integer getCoolDownMillis() {
        return coolDownMillis;
    }

    public void setCoolDownMillis(Integer coolDownMillis) {
        this.coolDownMillis = coolDownMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AcquirerManagedConnectionFactory that && Objects.equals(serverUrl, that.serverUrl)
                && Objects.equals(userName, that.userName) && Objects.equals(password, that.password)
                && Objects.equals(connectTimeoutMillis, that.connectTimeoutMillis)
                && Objects.equals(readTimeoutMillis, that.readTimeoutMillis)
                && Objects.equals(failureThreshold, that.failureThreshold)
                && Objects.equals(coolDownMillis, that.coolDownMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverUrl, userName, connectTimeoutMillis, readTimeoutMillis, failureThreshold, coolDownMillis);
    }
}
