package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.control.LedgerConfig;
import io.reactivepay.ledger.control.OutboxCursor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drains the outbox to Kafka in the background for as long as the application runs.
 * <p>
 * Every instance runs a relay; the advisory lock in {@link OutboxPublisher} lets one publish at a
 * time, which keeps events in order. While Kafka is down each attempt fails after a few seconds, the
 * events stay in the outbox, and the next attempt picks them up. Where each read starts, and how
 * events whose transactions commit late are caught, is {@link OutboxCursor}'s.
 */
@Startup
@Singleton
@DependsOn("LedgerMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    OutboxPublisher publisher;

    @Inject
    LedgerConfig config;

    private ScheduledFuture<?> drainer;
    private boolean failing;
    private final OutboxCursor cursor = new OutboxCursor(System.nanoTime());

    @PostConstruct
    void start() {
        long interval = config.pollInterval().toMillis();
        drainer = scheduler.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        drainer.cancel(false);
    }

    private void drain() {
        int batchSize = config.batchSize();
        try {
            OutboxPublisher.Published published;
            do {
                published = publisher.publishBatch(batchSize, cursor.readAfter(System.nanoTime()));
                cursor.published(published.lastId(), published.count() == batchSize);
            } while (published.count() == batchSize);
            if (failing) {
                LOG.log(System.Logger.Level.INFO, "Outbox relay is publishing again");
                failing = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Kafka or the database is away; the events wait in the outbox and the next run retries.
            if (!failing) {
                LOG.log(System.Logger.Level.WARNING, "Outbox relay cannot publish, will keep retrying: {0}", e.toString());
                failing = true;
            }
        }
    }
}
