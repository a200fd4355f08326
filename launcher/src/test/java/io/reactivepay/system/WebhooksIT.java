package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.payments.api.WebhookSignature;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the deployed EAR: an event written to the outbox in a transaction reaches the merchant's webhook,
 * through the relay, Kafka, the webhook consumer and the dispatcher running in the server, signed with
 * the merchant's secret.
 */
@ExtendWith(RunningSystem.class)
class WebhooksIT {

    private record Received(String eventId, String signature, String body) {
    }

    @Test
    void anEventInTheOutboxReachesTheMerchantsWebhookSigned() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            Http.Reply merchant = Http.post(system.baseUri().resolve("/probe/webhooks/merchants?url="
                    + URLEncoder.encode(url, StandardCharsets.UTF_8)));
            assertEquals(200, merchant.status(), merchant.body());
            String merchantId = merchant.json().getString("merchantId");
            String secret = merchant.json().getString("secret");

            Http.Reply event = Http.post(system.baseUri().resolve("/probe/webhooks/events?merchantId=" + merchantId
                    + "&type=payment.captured"));
            assertEquals(200, event.status(), event.body());
            String eventId = event.json().getString("eventId");

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (received.stream().noneMatch(r -> eventId.equals(r.eventId()))) {
                assertTrue(System.nanoTime() < deadline, "the webhook did not arrive within 90 s");
                Thread.sleep(200);
            }
            Received delivery = received.stream().filter(r -> eventId.equals(r.eventId())).findFirst().orElseThrow();
            assertTrue(WebhookSignature.verify(delivery.signature(), delivery.body(), secret), delivery.signature());
            assertTrue(delivery.body().startsWith("{\"id\":\"" + eventId + "\",\"type\":\"payment.captured\","), delivery.body());

            JsonObject listed = awaitDelivered(system, merchantId);
            assertEquals(eventId, listed.getString("eventId"));
            assertEquals(204, listed.getInt("lastHttpStatus"));
        } finally {
            receiver.stop(0);
        }
    }

    /** The delivery as the merchant lists it, once the dispatcher has recorded the answer. */
    private static JsonObject awaitDelivered(EmbeddedSystem system, String merchantId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Http.Reply list = Http.get(system.baseUri().resolve("/probe/webhooks/deliveries?merchantId=" + merchantId));
            assertEquals(200, list.status(), list.body());
            List<JsonObject> data = list.json().getJsonArray("data").getValuesAs(JsonObject.class);
            if (data.size() == 1 && data.get(0).getString("status").equals("delivered")) {
                return data.get(0);
            }
            assertTrue(System.nanoTime() < deadline, "not listed as delivered: " + list.body());
            Thread.sleep(200);
        }
    }
}
