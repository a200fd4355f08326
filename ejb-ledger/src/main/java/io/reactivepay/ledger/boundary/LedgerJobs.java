package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.control.BalanceRoller;
import io.reactivepay.ledger.control.LedgerConfig;
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
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the ledger's background work on every instance: rolling balance deltas into balances (keeps
 * balance reads and floor checks short), releasing expired holds, and forgetting idempotency keys
 * older than {@link io.reactivepay.ledger.control.IdempotencyRecords#RETENTION}. Both are safe to run on several
 * instances at once (rows are taken with SKIP LOCKED).
 */
@Startup
@Singleton
@DependsOn("LedgerMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerJobs {

    private static final System.Logger LOG = System.getLogger(LedgerJobs.class.getName());
    private static final int EXPIRY_BATCH = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    LedgerMaintenance maintenance;

    @Inject
    LedgerConfig config;

    private List<ScheduledFuture<?>> jobs = List.of();
    /** Where the roll-up's pass goes on: touched by the roll-up job only, which never runs twice at once. */
    private UUID rollUpAfter = BalanceRoller.FIRST;

    @PostConstruct
    void start() {
        jobs = List.of(
                scheduler.scheduleWithFixedDelay(() -> run("roll-up", this::rollUp), 200, 200, TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(() -> run("hold expiry", () -> {
                    while (maintenance.expireHolds(EXPIRY_BATCH) == EXPIRY_BATCH) {
                        // more are due
                    }
                }), 1, 5, TimeUnit.SECONDS),
                scheduler.scheduleWithFixedDelay(() -> run("idempotency purge", () -> {
                    while (maintenance.purgeIdempotencyKeys(EXPIRY_BATCH * 10) == EXPIRY_BATCH * 10) {
                        // an old backlog
                    }
                }), 1, 60, TimeUnit.MINUTES));
    }

    /**
     * One pass over the accounts with balance changes, a batch at a time, each on from where the last
     * stopped; a pass cut short by a failure goes on where it stopped at the next run.
     */
    private void rollUp() {
        int batch = config.rollUpBatch();
        BalanceRoller.RollUp done;
        do {
            done = maintenance.rollUpBalances(batch, rollUpAfter);
            rollUpAfter = done.candidates() < batch ? BalanceRoller.FIRST : done.last();
        } while (done.candidates() == batch);
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
            LOG.log(System.Logger.Level.WARNING, "Ledger job {0} failed, will retry: {1}", name, e.toString());
        }
    }
}
