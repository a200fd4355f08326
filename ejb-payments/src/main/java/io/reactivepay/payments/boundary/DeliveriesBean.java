package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.Webhook;
import io.reactivepay.payments.api.DeliveryView;
import io.reactivepay.payments.control.AttemptOutcome;
import io.reactivepay.payments.control.DeliveryStore;
import io.reactivepay.payments.control.Dispatch;
import io.reactivepay.payments.control.WebhookEvent;
import io.reactivepay.payments.control.WebhooksConfig;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The transactions of the webhook machinery, each on its own: turning consumed events into
 * deliveries (committed before the consumer commits its offsets), claiming due deliveries for an
 * attempt, recording what the attempts got, and purging settled deliveries past their retention. No merchant is ever called inside one of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveriesBean {

    private static final System.Logger LOG = System.getLogger(DeliveriesBean.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    DeliveryStore store;

    @Inject
    WebhooksConfig config;

    @EJB
    MerchantIntegration integration;

    Clock clock = Clock.systemUTC();
    RandomGenerator random = RandomGenerator.getDefault();

    /**
     * One delivery per event of a merchant with a webhook; an event seen before, one of a merchant
     * without a webhook, and one older than the retry window are passed over.
     *
     * @return how many deliveries were created
     */
    public int intake(List<WebhookEvent> events) {
        Instant now = clock.instant();
        Duration window = config.retry().giveUpAfter();
        Map<UUID, Optional<Webhook>> webhooks = new HashMap<>();
        return Jdbc.with(dataSource, "Recording webhook deliveries", connection -> {
            int created = 0;
            int tooOld = 0;
            for (WebhookEvent event : events) {
                Instant giveUpAt = event.occurredAt().plus(window);
                if (!giveUpAt.isAfter(now)) {
                    tooOld++;
                    continue;
                }
                Optional<Webhook> webhook = webhooks.computeIfAbsent(event.merchantId(), integration::webhook);
                if (webhook.isPresent()
                        && store.insert(connection, UUID.randomUUID(), event, webhook.get().url(), Optional.empty(), now, giveUpAt)) {
                    created++;
                }
            }
            if (tooOld > 0) {
                // a new consumer group starting at the beginning of the topic, or Kafka away for a day
                LOG.log(System.Logger.Level.INFO, "{0} events older than the retry window were not delivered", tooOld);
            }
            return created;
        });
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each and logs the attempts as started.
     * Each goes to the merchant's webhook as it is now (the URL may have changed since the event); a
     * delivery whose merchant no longer has a webhook fails here.
     */
    public List<Dispatch> claim(int limit) {
        Instant now = clock.instant();
        return Jdbc.with(dataSource, "Claiming webhook deliveries", connection -> {
            List<Dispatch> dispatches = new ArrayList<>();
            Map<UUID, Optional<Webhook>> webhooks = new HashMap<>();
            for (DeliveryStore.Claimed claimed : store.claimDue(connection, now, now.plus(config.lease()), limit)) {
                Optional<Webhook> webhook = webhooks.computeIfAbsent(claimed.merchantId(), integration::webhook);
                if (webhook.isEmpty() || webhook.get().secrets().isEmpty()) {
                    String error = "The merchant has no webhook any more";
                    store.startAttempt(connection, claimed.id(), claimed.attempt(), "-", now);
                    store.completeAttempt(connection, claimed.id(), claimed.attempt(), Duration.ZERO, Optional.empty(),
                            Optional.of(error));
                    store.settle(connection, claimed.id(), claimed.attempt(), DeliveryView.Status.FAILED, Optional.empty(),
                            Optional.empty(), Optional.of(error), now);
                    continue;
                }
                if (!webhook.get().url().equals(claimed.url())) {
                    store.readdress(connection, claimed.id(), webhook.get().url());
                }
                store.startAttempt(connection, claimed.id(), claimed.attempt(), webhook.get().url(), now);
                dispatches.add(new Dispatch(claimed.id(), claimed.attempt(), claimed.eventId(), webhook.get().url(),
                        webhook.get().secrets(), claimed.body()));
            }
            return dispatches;
        });
    }

    /**
     * Forgets up to {@code limit} delivered or failed deliveries older than the retention period.
     *
     * @return how many were deleted
     */
    public int purge(int limit) {
        Instant cutoff = clock.instant().minus(config.retention());
        return Jdbc.with(dataSource, "Purging old webhook deliveries", connection -> store.purge(connection, cutoff, limit));
    }

    /** Logs each attempt's answer and moves its delivery on: delivered, due again after a backoff, or failed. */
    public void settle(List<AttemptOutcome> outcomes) {
        Instant now = clock.instant();
        Jdbc.with(dataSource, "Recording webhook attempts", connection -> {
            for (AttemptOutcome outcome : outcomes) {
                store.completeAttempt(connection, outcome.deliveryId(), outcome.attempt(), outcome.duration(),
                        outcome.httpStatus(), outcome.error());
                if (outcome.delivered()) {
                    store.settle(connection, outcome.deliveryId(), outcome.attempt(), DeliveryView.Status.DELIVERED,
                            Optional.empty(), outcome.httpStatus(), Optional.empty(), now);
                    continue;
                }
                Optional<Instant> giveUpAt = store.giveUpAt(connection, outcome.deliveryId());
                Optional<Instant> next = giveUpAt.flatMap(at -> config.retry().next(outcome.attempt(), now, at, random));
                DeliveryView.Status status = next.isPresent() ? DeliveryView.Status.PENDING : DeliveryView.Status.FAILED;
                boolean settled = store.settle(connection, outcome.deliveryId(), outcome.attempt(), status, next,
                        outcome.httpStatus(), outcome.error(), now);
                if (settled && status == DeliveryView.Status.FAILED) {
                    LOG.log(System.Logger.Level.INFO, "Webhook delivery {0} failed for good after {1} attempts",
                            outcome.deliveryId(), outcome.attempt());
                }
            }
            return null;
        });
    }
}
