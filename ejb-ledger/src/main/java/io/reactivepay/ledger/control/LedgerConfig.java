package io.reactivepay.ledger.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ledger's configuration; defaults live in platform's microprofile-config.properties. */
@ApplicationScoped
public class LedgerConfig {

    @Inject
    @ConfigProperty(name = "reactivepay.kafka.bootstrap-servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "reactivepay.outbox.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "reactivepay.outbox.poll-interval-ms")
    long pollIntervalMillis;

    @Inject
    @ConfigProperty(name = "reactivepay.outbox.max-lag-seconds")
    long maxLagSeconds;

    @Inject
    @ConfigProperty(name = "reactivepay.ledger.group-commit.writers")
    int groupCommitWriters;

    @Inject
    @ConfigProperty(name = "reactivepay.ledger.group-commit.max-batch")
    int groupCommitMaxBatch;

    @Inject
    @ConfigProperty(name = "reactivepay.ledger.roll-up-batch")
    int rollUpBatch;

    /** Accounts rolled up per transaction: each holds their rows until it commits, so a writer may wait on it. */
    public int rollUpBatch() {
        return rollUpBatch;
    }

    public int groupCommitWriters() {
        return groupCommitWriters;
    }

    public int groupCommitMaxBatch() {
        return groupCommitMaxBatch;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMillis);
    }

    public Duration maxLag() {
        return Duration.ofSeconds(maxLagSeconds);
    }
}
