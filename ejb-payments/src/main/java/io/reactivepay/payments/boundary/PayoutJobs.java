package io.reactivepay.payments.boundary;

import io.reactivepay.payments.control.SettlementConfig;
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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs payout reconciliation and the daily settlement batch on every instance; both are safe on
 * several at once (payouts are claimed with SKIP LOCKED, the statement import holds a lease, a
 * merchant's settlement locks its cursor and is recorded once per day).
 */
@Startup
@Singleton
@DependsOn("PaymentsMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PayoutJobs {

    private static final System.Logger LOG = System.getLogger(PayoutJobs.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    BankPayouts bank;

    @EJB
    SettlementsBean settlements;

    @Inject
    SettlementConfig config;

    private List<ScheduledFuture<?>> jobs = List.of();

    @PostConstruct
    void start() {
        long every = config.jobInterval().toMillis();
        jobs = List.of(
                scheduler.scheduleWithFixedDelay(() -> run("payout reconciliation", bank::reconcile), every, every,
                        TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(() -> run("settlement batch", settlements::runDue), every, every,
                        TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        jobs.forEach(job -> job.cancel(false));
    }

    private static void run(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            // the next run tries again; a scheduled task that throws would never run again
            LOG.log(System.Logger.Level.WARNING, "Payments job {0} failed, will retry: {1}", name, e.toString());
        }
    }
}
