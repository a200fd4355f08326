package io.reactivepay.rest.health;

import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.api.OutboxStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka's part in readiness. A broker outage alone does not make the instance unready: payments keep
 * flowing and their events wait in the outbox. The instance reports DOWN only when Kafka is
 * unreachable and events have waited longer than {@code reactivepay.outbox.max-lag-seconds}, the point
 * at which merchants and read models would notice.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @EJB
    Outbox outbox;

    @Override
    public HealthCheckResponse call() {
        OutboxStatus status = outbox.status();
        return HealthCheckResponse.named("kafka")
                .status(status.brokerReachable() || status.withinLag())
                .withData("brokerReachable", status.brokerReachable())
                .withData("outboxPending", status.pending())
                .withData("oldestPendingSeconds", status.oldestPending().toSeconds())
                .build();
    }
}
