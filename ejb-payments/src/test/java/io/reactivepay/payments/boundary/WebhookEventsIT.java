package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.WebhooksDatabase.CLOCK;
import static io.reactivepay.payments.boundary.WebhooksDatabase.DELIVERIES;
import static io.reactivepay.payments.boundary.WebhooksDatabase.deliveriesOf;
import static io.reactivepay.payments.boundary.WebhooksDatabase.inTransaction;
import static io.reactivepay.payments.boundary.WebhooksDatabase.integration;
import static io.reactivepay.payments.boundary.WebhooksDatabase.newMerchant;
import static io.reactivepay.payments.boundary.WebhooksDatabase.only;
import static io.reactivepay.payments.boundary.WebhooksDatabase.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.embedded.KafkaBroker;
import io.reactivepay.ledger.control.EventPublisher;
import io.reactivepay.ledger.control.LedgerEvents;
import io.reactivepay.payments.api.DeliveryView;
import io.reactivepay.payments.control.WebhookEvent;
import io.reactivepay.platform.event.EventEnvelope;
import io.reactivepay.platform.event.Topics;
import io.reactivepay.platform.json.Jsons;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events through the real path: the ledger's outbox publisher puts them on payments.events of an
 * in-process Kafka broker, the webhook consumer turns them into deliveries, the dispatcher POSTs them
 * to a real HTTP receiver.
 */
class WebhookEventsIT {

    private static Path kafkaDir;
    private static int kafkaPort;
    private static int controllerPort;
    private static KafkaBroker broker;
    private static EventPublisher publisher;
    private static WebhookConsumer consumer;
    private static WebhookReceiver receiver;
    private static final FlakyDeliveries DATABASE = new FlakyDeliveries();
    private final WebhookDispatcher dispatcher = WebhooksDatabase.dispatcher();

    @BeforeAll
    static void start() throws Exception {
        WebhooksDatabase.start();
        kafkaDir = Files.createTempDirectory("webhooks-kafka");
        kafkaPort = freePort();
        controllerPort = freePort();
        broker = KafkaBroker.start(kafkaDir, kafkaPort, controllerPort);
        publisher = LedgerEvents.publisher(broker.bootstrapServers());
        // the topic exists before the consumer subscribes, as it does once the relay has published anything
        publish(newMerchant(), UUID.randomUUID(), "payment.created", "warm-up");
        receiver = WebhookReceiver.start();
        consumer = new WebhookConsumer();
        consumer.config = WebhooksDatabase.config(broker.bootstrapServers());
        consumer.deliveries = DATABASE;
        consumer.threads = new PlainThreads();
        consumer.start();
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.stop();
        }
        if (publisher != null) {
            LedgerEvents.close(publisher);
        }
        if (broker != null) {
            broker.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void eventOnTheTopicIsDeliveredSigned() throws Exception {
        UUID merchant = newMerchant();
        String secret = webhook(merchant, receiver.url());
        UUID eventId = UUID.randomUUID();

        EventEnvelope event = publish(merchant, eventId, "payment.captured", "pay-1");

        awaitDelivered(eventId);
        WebhookReceiver.Received received = receiver.received(eventId).get(0);
        assertEquals("application/json", received.contentType());
        JsonObject body = Jsons.PROVIDER.createReader(new StringReader(received.body())).readObject();
        assertEquals(List.of("id", "type", "createdAt", "data"), List.copyOf(body.keySet()));
        assertEquals(eventId.toString(), body.getString("id"));
        assertEquals("payment.captured", body.getString("type"));
        assertEquals(event.occurredAt().toString(), body.getString("createdAt"));
        assertEquals("pay-1", body.getJsonObject("data").getString("id"));
        assertEquals("12.34", body.getJsonObject("data").getString("amount"));
        Signatures.assertSignedWith(received, CLOCK.instant(), secret);
        DeliveryView delivery = only(merchant);
        assertEquals(eventId, delivery.eventId());
        assertEquals("payment.captured", delivery.eventType());
        assertEquals(receiver.url(), delivery.url());
        assertEquals(Optional.of(200), delivery.lastHttpStatus());
        assertEquals(1, delivery.attempts());
    }

    @Test
    void duringARotationBothSecretsVerify() throws Exception {
        UUID merchant = newMerchant();
        String previous = webhook(merchant, receiver.url());
        String current = inTransaction(() -> integration.rotateWebhookSecret(merchant, "merchant:test"));
        UUID eventId = UUID.randomUUID();

        publish(merchant, eventId, "refund.succeeded", "re-1");

        awaitDelivered(eventId);
        Signatures.assertSignedWith(receiver.received(eventId).get(0), CLOCK.instant(), current, previous);
    }

    @Test
    void theSameEventTwiceOnTheTopicIsDeliveredOnce() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        UUID eventId = UUID.randomUUID();
        UUID later = UUID.randomUUID();

        EventEnvelope event = publish(merchant, eventId, "payment.authorised", "pay-2");
        publisher.publishAll(List.of(event));
        publish(merchant, later, "payment.captured", "pay-2"); // same key, same partition: read after both

        awaitDelivered(later);
        assertEquals(1, receiver.received(eventId).size());
        assertEquals(2, deliveriesOf(merchant).size());
    }

    @Test
    void merchantWithoutWebhookGetsNothing() throws Exception {
        UUID silent = newMerchant();
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        UUID eventId = UUID.randomUUID();
        UUID later = UUID.randomUUID();

        publish(silent, eventId, "payment.declined", "same-key");
        publish(merchant, later, "payment.captured", "same-key");

        awaitDelivered(later);
        assertEquals(List.of(), deliveriesOf(silent));
        assertEquals(List.of(), receiver.received(eventId));
    }

    @Test
    void eventsAreReadAgainWhenRecordingTheirDeliveriesFailed() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        UUID eventId = UUID.randomUUID();
        DATABASE.failures.set(1);

        publish(merchant, eventId, "chargeback.opened", "cb-1");

        awaitDelivered(eventId);
        assertEquals(0, DATABASE.failures.get(), "the intake did not fail as arranged");
        assertEquals(1, deliveriesOf(merchant).size());
    }

    @Test
    void consumerCarriesOnWhenKafkaComesBack() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        UUID eventId = UUID.randomUUID();

        broker.close();
        Thread.sleep(3_000); // the consumer notices: its polls and commits fail for a while
        assertTrue(consumer.consuming());
        broker = KafkaBroker.start(kafkaDir, kafkaPort, controllerPort);
        publish(merchant, eventId, "payout.paid", "po-1");

        awaitDelivered(eventId);
        assertEquals(1, deliveriesOf(merchant).size());
    }

    @Test
    void consumerStartsAndStopsPromptlyWhileKafkaIsDown() throws Exception {
        WebhookConsumer orphan = new WebhookConsumer();
        orphan.config = WebhooksDatabase.config("127.0.0.1:" + freePort());
        orphan.deliveries = DELIVERIES;
        orphan.threads = new PlainThreads();
        long started = System.nanoTime();

        orphan.start();
        Thread.sleep(2_000);
        assertTrue(orphan.consuming());
        orphan.stop();

        assertFalse(orphan.consuming(), "the consumer thread outlived stop()");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "start and stop took " + took);
    }

    private static EventEnvelope publish(UUID merchant, UUID eventId, String type, String objectId) throws Exception {
        String payload = "{\"merchantId\":\"" + merchant + "\",\"data\":{\"id\":\"" + objectId
                + "\",\"object\":\"payment\",\"amount\":\"12.34\",\"currency\":\"EUR\"}}";
        EventEnvelope event = new EventEnvelope(eventId, Topics.PAYMENTS_EVENTS, objectId, type, CLOCK.instant(), payload);
        publisher.publishAll(List.of(event));
        return event;
    }

    /** Runs the dispatcher until the receiver has the event (the consumer works in the background). */
    private void awaitDelivered(UUID eventId) throws Exception {
        await(() -> {
            dispatcher.dispatchOnce();
            return !receiver.received(eventId).isEmpty();
        }, "event " + eventId + " delivered");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The deliveries bean with a database that goes away for the next {@code failures} intakes. */
    private static final class FlakyDeliveries extends DeliveriesBean {

        final AtomicInteger failures = new AtomicInteger();

        @Override
        public int intake(List<WebhookEvent> events) {
            if (failures.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                throw new IllegalStateException("The database is away");
            }
            return DELIVERIES.intake(events);
        }
    }

    /** What the container's managed thread factory gives, minus the container's context. */
    private static final class PlainThreads implements ManagedThreadFactory {

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }
    }
}
