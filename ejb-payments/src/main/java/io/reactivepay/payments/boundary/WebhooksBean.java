package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.Webhook;
import io.reactivepay.payments.api.DeliveryAttempt;
import io.reactivepay.payments.api.DeliveryView;
import io.reactivepay.payments.api.Page;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Webhooks;
import io.reactivepay.payments.control.DeliveryStore;
import io.reactivepay.payments.control.PageCursor;
import io.reactivepay.payments.control.WebhookEvent;
import io.reactivepay.payments.control.WebhooksConfig;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class WebhooksBean implements Webhooks {

    static final int MAX_LIMIT = 100;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    DeliveryStore store;

    @Inject
    WebhooksConfig config;

    @EJB
    MerchantIntegration integration;

    Clock clock = Clock.systemUTC();

    @Override
    public Page<DeliveryView> deliveries(UUID merchantId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw PaymentsException.invalid("limit", "The limit is from 1 to " + MAX_LIMIT);
        }
        Optional<PageCursor> after = PageCursor.decode(cursor);
        List<DeliveryView> rows = Jdbc.with(dataSource, "Listing webhook deliveries",
                connection -> store.page(connection, merchantId, after, limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        DeliveryView last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), Optional.of(new PageCursor(last.createdAt(), last.id()).encode()));
    }

    @Override
    public DeliveryView replay(UUID merchantId, UUID deliveryId) {
        Instant now = clock.instant();
        return Jdbc.with(dataSource, "Replaying a webhook delivery", connection -> {
            WebhookEvent event = store.event(connection, merchantId, deliveryId).orElseThrow(() -> notFound(deliveryId));
            Webhook webhook = integration.webhook(merchantId).orElseThrow(() -> new PaymentsException(
                    PaymentsException.INVALID_STATE, "The merchant has no webhook to deliver to"));
            UUID replay = UUID.randomUUID();
            store.insert(connection, replay, event, webhook.url(), Optional.of(deliveryId), now,
                    now.plus(config.retry().giveUpAfter()));
            return store.find(connection, merchantId, replay).orElseThrow();
        });
    }

    @Override
    public List<DeliveryAttempt> attempts(UUID merchantId, UUID deliveryId) {
        return Jdbc.with(dataSource, "Reading webhook attempts", connection -> {
            store.find(connection, merchantId, deliveryId).orElseThrow(() -> notFound(deliveryId));
            return store.attempts(connection, deliveryId);
        });
    }

    private static PaymentsException notFound(UUID deliveryId) {
        return new PaymentsException(PaymentsException.DELIVERY_NOT_FOUND, "No webhook delivery " + deliveryId);
    }
}
