package io.reactivepay.connector.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.messaging.TextMessage;
import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter in http mode, non-managed, posting to a real HTTP server on an ephemeral port. */
class HttpModeTest {

    private static final TextMessage MESSAGE = new TextMessage("+4915112345678", "Your code is 123456");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(202);
    private final AtomicInteger delayMillis = new AtomicInteger();
    private HttpServer gateway;
    private TextMessageConnectionFactory messages;

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        gateway.createContext("/messages", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                Thread.sleep(delayMillis.get());
                exchange.sendResponseHeaders(answer.get(), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        gateway.setExecutor(Executors.newCachedThreadPool());
        gateway.start();
        TextMessageManagedConnectionFactory managed = new TextMessageManagedConnectionFactory();
        managed.setMode("http");
        managed.setGatewayUrl("http://127.0.0.1:" + gateway.getAddress().getPort() + "/messages");
        managed.setApiKey("key-123");
        managed.setTimeoutMillis(500);
        messages = (TextMessageConnectionFactory) managed.createConnectionFactory();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void postsTheMessageAsJsonWithTheApiKeyAndIsApprovedUnderItsId() {
        Outcome.Approved approved = assertInstanceOf(Outcome.Approved.class, send());
        assertEquals(1, received.size());
        assertEquals("{\"id\":\"" + approved.reference() + "\",\"to\":\"+4915112345678\",\"body\":\"Your code is 123456\"}",
                received.get(0));
        assertEquals("Bearer key-123", authorizations.get(0));
    }

    @Test
    void aRefusalIsADeclineAServerErrorOrTimeoutIsUnknown() {
        answer.set(400);
        assertEquals(new Outcome.Declined("refused_by_gateway_400"), send());
        answer.set(503);
        assertInstanceOf(Outcome.Unknown.class, send());
        answer.set(200);
        delayMillis.set(1500);
        Outcome.Unknown unknown = assertInstanceOf(Outcome.Unknown.class, send());
        assertTrue(unknown.detail().contains("500 ms"), unknown.detail());
    }

    @Test
    void describesItsModeAndUrlButNotTheApiKey() {
        ConnectorInfo info = messages.describe();
        assertEquals("http", info.settings().get("mode"));
        assertTrue(info.settings().get("gatewayUrl").endsWith("/messages"));
        assertFalse(info.settings().containsValue("key-123"), info.settings().toString());
    }

    private Outcome send() {
        try (TextMessageConnection connection = messages.getConnection()) {
            return connection.send(MESSAGE);
        }
    }
}
