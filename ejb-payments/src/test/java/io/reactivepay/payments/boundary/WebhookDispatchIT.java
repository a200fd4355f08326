package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.WebhooksDatabase.CLOCK;
import static io.reactivepay.payments.boundary.WebhooksDatabase.DELIVERIES;
import static io.reactivepay.payments.boundary.WebhooksDatabase.WEBHOOKS;
import static io.reactivepay.payments.boundary.WebhooksDatabase.deliveriesOf;
import static io.reactivepay.payments.boundary.WebhooksDatabase.event;
import static io.reactivepay.payments.boundary.WebhooksDatabase.inTransaction;
import static io.reactivepay.payments.boundary.WebhooksDatabase.newMerchant;
import static io.reactivepay.payments.boundary.WebhooksDatabase.only;
import static io.reactivepay.payments.boundary.WebhooksDatabase.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.payments.api.DeliveryAttempt;
import io.reactivepay.payments.api.DeliveryView;
import io.reactivepay.payments.api.Page;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.control.WebhookEvent;
import io.reactivepay.embedded.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending deliveries to a real HTTP receiver: signatures, retries and their schedule, failure, replay, paging. */
class WebhookDispatchIT {

    private WebhookReceiver receiver;
    private final WebhookDispatcher dispatcher = WebhooksDatabase.dispatcher();

    @BeforeAll
    static void database() throws Exception {
        WebhooksDatabase.start();
    }

    @BeforeEach
    void receiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void serverErrorIsRetriedAfterBackoffThenDelivered() throws Exception {
        UUID merchant = newMerchant();
        String secret = webhook(merchant, receiver.url());
        receiver.answer(500);
        WebhookEvent event = event(merchant, "payment.captured");
        assertEquals(1, DELIVERIES.intake(List.of(event)));
        Instant first = CLOCK.instant();

        dispatcher.dispatchOnce();

        DeliveryView failed = only(merchant);
        assertEquals(DeliveryView.Status.PENDING, failed.status());
        assertEquals(1, failed.attempts());
        assertEquals(Optional.of(500), failed.lastHttpStatus());
        assertDelayBetween(first, failed.nextAttemptAt().orElseThrow(), Duration.ofSeconds(24), Duration.ofSeconds(30));

        CLOCK.set(failed.nextAttemptAt().orElseThrow());
        dispatcher.dispatchOnce();

        DeliveryView delivered = only(merchant);
        assertEquals(DeliveryView.Status.DELIVERED, delivered.status());
        assertEquals(2, delivered.attempts());
        assertEquals(Optional.of(200), delivered.lastHttpStatus());
        assertEquals(Optional.empty(), delivered.nextAttemptAt());
        assertEquals(Optional.of(CLOCK.instant()), delivered.deliveredAt());
        List<DeliveryAttempt> attempts = inTransaction(() -> WEBHOOKS.attempts(merchant, delivered.id()));
        assertEquals(List.of(Optional.of(500), Optional.of(200)), attempts.stream().map(DeliveryAttempt::httpStatus).toList());
        assertEquals(List.of(first, CLOCK.instant()), attempts.stream().map(DeliveryAttempt::startedAt).toList());
        assertTrue(attempts.stream().allMatch(a -> a.duration().isPresent() && a.error().isEmpty()), attempts.toString());
        assertEquals(receiver.url(), attempts.get(0).url());
        List<WebhookReceiver.Received> received = receiver.received(event.id());
        assertEquals(2, received.size());
        assertEquals(received.get(0).body(), received.get(1).body());
        Signatures.assertSignedWith(received.get(1), CLOCK.instant(), secret);
    }

    @Test
    void pendingDeliveryGoesToTheMerchantsNewUrl() throws Exception {
        UUID merchant = newMerchant();
        String previous = webhook(merchant, closedUrl());
        DELIVERIES.intake(List.of(event(merchant, "payout.failed")));
        dispatcher.dispatchOnce();
        DeliveryView refused = only(merchant);
        assertEquals(DeliveryView.Status.PENDING, refused.status());

        String current = webhook(merchant, receiver.url());
        CLOCK.set(refused.nextAttemptAt().orElseThrow());
        dispatcher.dispatchOnce();

        DeliveryView delivered = only(merchant);
        assertEquals(DeliveryView.Status.DELIVERED, delivered.status());
        assertEquals(receiver.url(), delivered.url());
        List<DeliveryAttempt> attempts = inTransaction(() -> WEBHOOKS.attempts(merchant, delivered.id()));
        assertEquals(List.of(refused.url(), receiver.url()), attempts.stream().map(DeliveryAttempt::url).toList());
        Signatures.assertSignedWith(receiver.received(delivered.eventId()).get(0), CLOCK.instant(), current, previous);
    }

    @Test
    void unreachableReceiverIsRetriedWithDoublingDelaysCappedAtAnHour() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, closedUrl());
        DELIVERIES.intake(List.of(event(merchant, "payment.authorised")));

        Duration expected = Duration.ofSeconds(30);
        for (int attempt = 1; attempt <= 10; attempt++) {
            Instant at = CLOCK.instant();
            dispatcher.dispatchOnce();
            DeliveryView delivery = only(merchant);
            assertEquals(attempt, delivery.attempts());
            assertEquals(DeliveryView.Status.PENDING, delivery.status());
            assertEquals(Optional.empty(), delivery.lastHttpStatus());
            assertTrue(delivery.lastError().orElseThrow().startsWith("Connection refused"), delivery.lastError().toString());
            Instant next = delivery.nextAttemptAt().orElseThrow();
            assertDelayBetween(at, next, expected.multipliedBy(8).dividedBy(10), expected);

            CLOCK.set(next.minusSeconds(1));
            dispatcher.dispatchOnce();
            assertEquals(attempt, only(merchant).attempts(), "tried before it was due");
            CLOCK.set(next);
            expected = expected.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : expected.multipliedBy(2);
        }
    }

    @Test
    void deliveryFailsWhenStillUndeliveredADayAfterTheEvent() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, closedUrl());
        WebhookEvent event = event(merchant, "refund.succeeded");
        DELIVERIES.intake(List.of(event));
        Instant giveUpAt = event.occurredAt().plus(Duration.ofHours(24));

        DeliveryView delivery = only(merchant);
        while (delivery.status() == DeliveryView.Status.PENDING) {
            Instant next = delivery.nextAttemptAt().orElseThrow();
            assertFalse(next.isAfter(giveUpAt), "due after the give-up time: " + next);
            CLOCK.set(next.isAfter(CLOCK.instant()) ? next : CLOCK.instant());
            dispatcher.dispatchOnce();
            delivery = only(merchant);
        }

        assertEquals(DeliveryView.Status.FAILED, delivery.status());
        assertEquals(Optional.empty(), delivery.nextAttemptAt());
        UUID id = delivery.id();
        List<DeliveryAttempt> attempts = inTransaction(() -> WEBHOOKS.attempts(merchant, id));
        assertEquals(giveUpAt, attempts.get(attempts.size() - 1).startedAt(), "the last attempt is made at the give-up time");
        assertTrue(attempts.size() > 20 && attempts.size() < 40, attempts.size() + " attempts in a day");
    }

    @Test
    void slowReceiverTimesOutAndIsTriedAgain() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        receiver.delay(Duration.ofSeconds(6));
        DELIVERIES.intake(List.of(event(merchant, "payment.voided")));

        dispatcher.dispatchOnce();

        DeliveryView timedOut = only(merchant);
        assertEquals(DeliveryView.Status.PENDING, timedOut.status());
        assertTrue(timedOut.lastError().orElseThrow().startsWith("Timed out"), timedOut.lastError().toString());
        DeliveryAttempt attempt = inTransaction(() -> WEBHOOKS.attempts(merchant, timedOut.id())).get(0);
        Duration took = attempt.duration().orElseThrow();
        assertTrue(took.compareTo(WebhooksDatabase.READ_TIMEOUT.minusMillis(100)) >= 0
                && took.compareTo(Duration.ofMillis(5_900)) < 0, took.toString());

        receiver.delay(Duration.ZERO);
        CLOCK.set(timedOut.nextAttemptAt().orElseThrow());
        dispatcher.dispatchOnce();
        assertEquals(DeliveryView.Status.DELIVERED, only(merchant).status());
    }

    @Test
    void merchantWithoutWebhookGetsNoDelivery() throws Exception {
        UUID merchant = newMerchant();

        assertEquals(0, DELIVERIES.intake(List.of(event(merchant, "payment.created"))));

        assertEquals(List.of(), deliveriesOf(merchant));
    }

    @Test
    void eventOlderThanTheRetryWindowIsPassedOver() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        WebhookEvent fresh = event(merchant, "payment.expired");
        WebhookEvent old = WebhookEvent.of(UUID.randomUUID().toString(), "payment.expired",
                CLOCK.instant().minus(Duration.ofHours(24)).toString(), "{\"merchantId\":\"" + merchant + "\",\"data\":{}}")
                .orElseThrow();

        assertEquals(1, DELIVERIES.intake(List.of(old, fresh)));

        assertEquals(fresh.id(), only(merchant).eventId());
    }

    @Test
    void replaySendsTheSameEventAgainAsANewDelivery() throws Exception {
        UUID merchant = newMerchant();
        String secret = webhook(merchant, receiver.url());
        WebhookEvent event = event(merchant, "payment.captured");
        DELIVERIES.intake(List.of(event));
        dispatcher.dispatchOnce();
        DeliveryView original = only(merchant);
        assertEquals(DeliveryView.Status.DELIVERED, original.status());
        CLOCK.advance(Duration.ofHours(30));

        DeliveryView replay = inTransaction(() -> WEBHOOKS.replay(merchant, original.id()));

        assertEquals(DeliveryView.Status.PENDING, replay.status());
        assertEquals(event.id(), replay.eventId());
        assertEquals(Optional.of(CLOCK.instant()), replay.nextAttemptAt());
        dispatcher.dispatchOnce();
        List<DeliveryView> deliveries = deliveriesOf(merchant);
        assertEquals(List.of(replay.id(), original.id()), deliveries.stream().map(DeliveryView::id).toList());
        assertEquals(DeliveryView.Status.DELIVERED, deliveries.get(0).status());
        List<WebhookReceiver.Received> received = receiver.received(event.id());
        assertEquals(2, received.size());
        assertEquals(received.get(0).body(), received.get(1).body());
        Signatures.assertSignedWith(received.get(1), CLOCK.instant(), secret);
    }

    @Test
    void anotherMerchantsDeliveryIsNotFound() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        DELIVERIES.intake(List.of(event(merchant, "payment.captured")));
        UUID delivery = only(merchant).id();
        UUID other = newMerchant();
        webhook(other, receiver.url());

        PaymentsException replay = assertThrows(PaymentsException.class,
                () -> inTransaction(() -> WEBHOOKS.replay(other, delivery)));
        PaymentsException attempts = assertThrows(PaymentsException.class,
                () -> inTransaction(() -> WEBHOOKS.attempts(other, delivery)));

        assertEquals(PaymentsException.DELIVERY_NOT_FOUND, replay.errorCode());
        assertEquals(PaymentsException.DELIVERY_NOT_FOUND, attempts.errorCode());
        assertEquals(1, deliveriesOf(merchant).size());
        assertEquals(List.of(), deliveriesOf(other));
    }

    @Test
    void deliveriesArePagedNewestFirst() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WebhookEvent event = event(merchant, "payment.created");
            events.add(0, event.id());
            DELIVERIES.intake(List.of(event));
            CLOCK.advance(Duration.ofMillis(i % 2 == 0 ? 0 : 1)); // two pairs share a creation time
        }

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            Page<DeliveryView> page = inTransaction(() -> WEBHOOKS.deliveries(merchant, after, 2));
            page.items().forEach(d -> seen.add(d.eventId()));
            cursor = page.nextCursor().orElse(null);
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(new HashSet<>(events), new HashSet<>(seen));
        assertEquals(5, seen.size());
        List<DeliveryView> all = deliveriesOf(merchant);
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).createdAt().isAfter(all.get(i - 1).createdAt()), "newest first");
        }
        PaymentsException badCursor = assertThrows(PaymentsException.class,
                () -> inTransaction(() -> WEBHOOKS.deliveries(merchant, "not-a-cursor", 2)));
        assertEquals(Optional.of("cursor"), badCursor.field());
        PaymentsException badLimit = assertThrows(PaymentsException.class,
                () -> inTransaction(() -> WEBHOOKS.deliveries(merchant, null, 101)));
        assertEquals(Optional.of("limit"), badLimit.field());
    }

    @Test
    void settledDeliveriesArePurgedAfterTheRetentionPeriodPendingOnesKept() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        UUID waiting = newMerchant();
        webhook(waiting, closedUrl());
        DELIVERIES.intake(List.of(event(merchant, "payment.captured"), event(waiting, "payment.captured")));
        CLOCK.advance(Duration.ofHours(1));
        dispatcher.dispatchOnce();
        UUID delivered = only(merchant).id();
        assertEquals(DeliveryView.Status.DELIVERED, only(merchant).status());
        assertEquals(DeliveryView.Status.PENDING, only(waiting).status());

        CLOCK.advance(Duration.ofDays(29));
        while (DELIVERIES.purge(100) == 100) {
            // older deliveries of other tests
        }
        assertEquals(1, deliveriesOf(merchant).size(), "purged before the retention period");

        CLOCK.advance(Duration.ofDays(1));
        while (DELIVERIES.purge(100) == 100) {
            // older deliveries of other tests
        }

        assertEquals(List.of(), deliveriesOf(merchant));
        assertEquals(1, deliveriesOf(waiting).size(), "a pending delivery is never purged");
        try (Connection connection = TestDatabase.connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM payments.webhook_attempt WHERE delivery_id = ?")) {
            count.setObject(1, delivered);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1), "its attempts went with it");
            }
        }
    }

    @Test
    void twoDispatchersNeverSendOneDeliveryTwice() throws Exception {
        UUID merchant = newMerchant();
        webhook(merchant, receiver.url());
        receiver.delay(Duration.ofMillis(50));
        List<WebhookEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(event(merchant, "payment.captured"));
        }
        DELIVERIES.intake(events);
        WebhookDispatcher first = WebhooksDatabase.dispatcher();
        WebhookDispatcher second = WebhooksDatabase.dispatcher();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();

        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        Future<Integer> a = instances.submit(() -> drain(first, merchant, ready, deadline));
        Future<Integer> b = instances.submit(() -> drain(second, merchant, ready, deadline));
        instances.shutdown();

        assertTrue(a.get() > 0 && b.get() > 0, "both dispatchers sent: " + a.get() + " and " + b.get());
        Set<String> distinct = new HashSet<>();
        receiver.received().forEach(r -> distinct.add(r.eventId()));
        assertEquals(60, distinct.size());
        assertEquals(60, receiver.received().size(), "a delivery was sent twice");
        assertEquals(1, receiver.mostInFlightForOneEvent());
        assertTrue(deliveriesOf(merchant).stream().allMatch(d -> d.status() == DeliveryView.Status.DELIVERED && d.attempts() == 1));
    }

    /** Dispatches until every delivery of the merchant is delivered; returns how many this dispatcher sent. */
    private int drain(WebhookDispatcher dispatcher, UUID merchant, CountDownLatch ready, long deadline) throws Exception {
        int sent = 0;
        ready.countDown();
        ready.await();
        while (System.nanoTime() < deadline
                && deliveriesOf(merchant).stream().anyMatch(d -> d.status() != DeliveryView.Status.DELIVERED)) {
            sent += dispatcher.dispatchOnce();
        }
        return sent;
    }

    private static void assertDelayBetween(Instant from, Instant to, Duration least, Duration most) {
        Duration delay = Duration.between(from, to);
        assertTrue(delay.compareTo(least) >= 0 && delay.compareTo(most) <= 0,
                "delay " + delay + " not within " + least + " and " + most);
    }

    /** A local URL nothing listens on: the connection is refused at once. */
    private static String closedUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/webhooks";
        }
    }
}
