package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.boundary.AccountsForPayments;
import io.reactivepay.embedded.TestClock;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.payments.api.DeliveryView;
import io.reactivepay.payments.control.AttemptOutcome;
import io.reactivepay.payments.control.DeliverySender;
import io.reactivepay.payments.control.DeliveryStore;
import io.reactivepay.payments.control.Dispatch;
import io.reactivepay.payments.control.RetrySchedule;
import io.reactivepay.payments.control.WebhookEvent;
import io.reactivepay.payments.control.WebhooksConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The webhook beans wired by hand on {@link TestDatabase}, with the real accounts beans and a clock
 * the tests move. {@link #DELIVERIES} runs each call in a transaction of its own, as the container
 * runs the bean's REQUIRES_NEW methods.
 */
final class WebhooksDatabase {

    /** Only ever moved forward, so no test makes another's retries due early or late by going back. */
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    static final RetrySchedule RETRY = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 0.2,
            Duration.ofHours(24));
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Long enough for a loaded build machine; the timeout test's receiver takes longer. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    static final DeliveriesBean DELIVERIES = new TransactionalDeliveries();
    static final WebhooksBean WEBHOOKS = new WebhooksBean();
    static Merchants merchants;
    static MerchantIntegration integration;

    private WebhooksDatabase() {
    }

    static synchronized void start() throws Exception {
        TestDatabase.start("accounts", "payments");
        merchants = AccountsForPayments.merchants(TestDatabase.DATA_SOURCE);
        integration = AccountsForPayments.integration(TestDatabase.DATA_SOURCE);
        WebhooksConfig config = config("127.0.0.1:9");
        DELIVERIES.dataSource = TestDatabase.DATA_SOURCE;
        DELIVERIES.store = new DeliveryStore();
        DELIVERIES.config = config;
        DELIVERIES.integration = integration;
        DELIVERIES.clock = CLOCK;
        WEBHOOKS.dataSource = TestDatabase.DATA_SOURCE;
        WEBHOOKS.store = new DeliveryStore();
        WEBHOOKS.config = config;
        WEBHOOKS.integration = integration;
        WEBHOOKS.clock = CLOCK;
    }

    static WebhooksConfig config(String bootstrapServers) {
        return new WebhooksConfig(bootstrapServers, true, "reactivepay-webhooks", Duration.ofMillis(200), 20,
                CONNECT_TIMEOUT, READ_TIMEOUT, RETRY, Duration.ofDays(30));
    }

    /** A dispatcher as one server instance has it: its own sender over the shared table. */
    static WebhookDispatcher dispatcher() {
        WebhookDispatcher dispatcher = new WebhookDispatcher();
        dispatcher.deliveries = DELIVERIES;
        dispatcher.config = DELIVERIES.config;
        dispatcher.clock = CLOCK;
        dispatcher.sender = new DeliverySender(CONNECT_TIMEOUT, READ_TIMEOUT, null, CLOCK);
        return dispatcher;
    }

    static <T> T inTransaction(Callable<T> work) throws Exception {
        return TestDatabase.inTransaction(work);
    }

    /** A merchant of its own for each test. */
    static UUID newMerchant() throws Exception {
        return inTransaction(() -> merchants.register("Shop " + UUID.randomUUID(), Currency.getInstance("EUR"),
                "admin:root")).id();
    }

    /** Points the merchant's webhook at the URL; returns the new signing secret. */
    static String webhook(UUID merchantId, String url) throws Exception {
        return inTransaction(() -> integration.configureWebhook(merchantId, url, "merchant:test"));
    }

    /** An event as the consumer makes it from a payments.events record, occurring now. */
    static WebhookEvent event(UUID merchantId, String type) {
        UUID id = UUID.randomUUID();
        String payload = "{\"merchantId\":\"" + merchantId + "\",\"data\":{\"id\":\"" + UUID.randomUUID()
                + "\",\"object\":\"payment\",\"amount\":\"12.34\",\"currency\":\"EUR\"}}";
        return WebhookEvent.of(id.toString(), type, CLOCK.instant().toString(), payload).orElseThrow();
    }

    static List<DeliveryView> deliveriesOf(UUID merchantId) throws Exception {
        return inTransaction(() -> WEBHOOKS.deliveries(merchantId, null, 100)).items();
    }

    static DeliveryView only(UUID merchantId) throws Exception {
        List<DeliveryView> deliveries = deliveriesOf(merchantId);
        if (deliveries.size() != 1) {
            throw new AssertionError("Expected one delivery, got " + deliveries);
        }
        return deliveries.get(0);
    }

    private static final class TransactionalDeliveries extends DeliveriesBean {

        @Override
        public int intake(List<WebhookEvent> events) {
            return transaction(() -> super.intake(events));
        }

        @Override
        public List<Dispatch> claim(int limit) {
            return transaction(() -> super.claim(limit));
        }

        @Override
        public int purge(int limit) {
            return transaction(() -> super.purge(limit));
        }

        @Override
        public void settle(List<AttemptOutcome> outcomes) {
            transaction(() -> {
                super.settle(outcomes);
                return null;
            });
        }

        private static <T> T transaction(Callable<T> work) {
            try {
                return TestDatabase.inTransaction(work);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
