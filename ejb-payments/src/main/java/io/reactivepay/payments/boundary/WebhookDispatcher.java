package io.reactivepay.payments.boundary;

import io.reactivepay.payments.control.AttemptOutcome;
import io.reactivepay.payments.control.DeliverySender;
import io.reactivepay.payments.control.Dispatch;
import io.reactivepay.payments.control.WebhooksConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries on every instance: claim a batch (rows locked with SKIP LOCKED and
 * leased, so instances never send one delivery at the same time), POST them in parallel outside any
 * transaction, record the outcomes. A round keeps going while full batches are due. Hourly, settled
 * deliveries past their retention are purged.
 */
@Startup
@Singleton
@DependsOn("PaymentsMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    private static final int PURGE_BATCH = 1_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    DeliveriesBean deliveries;

    @Inject
    WebhooksConfig config;

    Clock clock = Clock.systemUTC();
    DeliverySender sender;

    private List<ScheduledFuture<?>> jobs = List.of();
    private boolean failing;

    @PostConstruct
    void start() {
        if (!config.enabled()) {
            LOG.log(System.Logger.Level.INFO, "Webhook dispatcher is off (reactivepay.webhooks.enabled=false)");
            return;
        }
        sender = new DeliverySender(config.connectTimeout(), config.readTimeout(), executor, clock);
        long interval = config.dispatchInterval().toMillis();
        jobs = List.of(scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(this::purge, 5, 60, TimeUnit.MINUTES));
    }

    @PreDestroy
    void stop() {
        jobs.forEach(job -> job.cancel(false));
    }

    /** One batch: claim, send, record. @return how many deliveries were attempted */
    public int dispatchOnce() {
        List<Dispatch> claimed = deliveries.claim(config.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        List<AttemptOutcome> outcomes = sender.send(claimed);
        deliveries.settle(outcomes);
        return claimed.size();
    }

    private void purge() {
        try {
            int purged = 0;
            int batch;
            do {
                batch = deliveries.purge(PURGE_BATCH);
                purged += batch;
            } while (batch == PURGE_BATCH);
            LOG.log(System.Logger.Level.DEBUG, "Purged {0} old webhook deliveries", purged);
        } catch (RuntimeException e) {
            // the next run tries again; a scheduled task that throws would never run again
            LOG.log(System.Logger.Level.WARNING, "Purging old webhook deliveries failed, will retry: {0}", e.toString());
        }
    }

    private void run() {
        try {
            while (dispatchOnce() == config.batchSize()) {
                // a backlog: keep sending until it is gone
            }
            if (failing) {
                LOG.log(System.Logger.Level.INFO, "Webhook dispatcher is working again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // the database is away; claimed deliveries come due again when their lease ends
            if (!failing) {
                LOG.log(System.Logger.Level.WARNING, "Webhook dispatcher failed, will keep retrying: {0}", e.toString());
                failing = true;
            }
        }
    }
}
