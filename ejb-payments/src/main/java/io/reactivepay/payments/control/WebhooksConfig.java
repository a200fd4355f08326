package io.reactivepay.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhooks' configuration ({@code reactivepay.webhooks.*}); every key has a default that works on
 * the embedded default. Kafka is found where the outbox relay publishes ({@code reactivepay.kafka.bootstrap-servers}).
 */
@ApplicationScoped
public class WebhooksConfig {

    @Inject
    @ConfigProperty(name = "reactivepay.kafka.bootstrap-servers", defaultValue = "127.0.0.1:19092")
    String bootstrapServers;

    /** Off stops this instance's consumer and dispatcher (events wait in Kafka, deliveries in the table). */
    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.consumer-group", defaultValue = "reactivepay-webhooks")
    String consumerGroup;

    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.dispatch-interval-ms", defaultValue = "1000")
    long dispatchIntervalMillis;

    /** Deliveries one dispatcher claims and sends in parallel per round. */
    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.batch-size", defaultValue = "20")
    int batchSize;

    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.connect-timeout-ms", defaultValue = "5000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.retry.initial-delay-seconds", defaultValue = "30")
    long initialDelaySeconds;

    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.retry.max-delay-seconds", defaultValue = "3600")
    long maxDelaySeconds;

    /** Each delay is shortened by a random part of up to this fraction, so retries of many deliveries spread out. */
    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.retry.jitter", defaultValue = "0.2")
    double jitter;

    /** A delivery is retried until this long after its event (or its replay), then FAILED. */
    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.retry.give-up-after-hours", defaultValue = "24")
    long giveUpAfterHours;

    /** Delivered and failed deliveries are kept this long for the merchant to see, then purged. */
    @Inject
    @ConfigProperty(name = "reactivepay.webhooks.retention-days", defaultValue = "30")
    int retentionDays;

    protected WebhooksConfig() {
        // for CDI
    }

    public WebhooksConfig(String bootstrapServers, boolean enabled, String consumerGroup, Duration dispatchInterval,
                          int batchSize, Duration connectTimeout, Duration readTimeout, RetrySchedule retry,
                          Duration retention) {
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.consumerGroup = consumerGroup;
        this.dispatchIntervalMillis = dispatchInterval.toMillis();
        this.batchSize = batchSize;
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.readTimeoutMillis = readTimeout.toMillis();
        this.initialDelaySeconds = retry.initialDelay().toSeconds();
        this.maxDelaySeconds = retry.maxDelay().toSeconds();
        this.jitter = retry.jitter();
        this.giveUpAfterHours = retry.giveUpAfter().toHours();
        this.retentionDays = (int) retention.toDays();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean enabled() {
        return enabled;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    public Duration dispatchInterval() {
        return Duration.ofMillis(dispatchIntervalMillis);
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    public Duration readTimeout() {
        return Duration.ofMillis(readTimeoutMillis);
    }

    /**
     * How long a claimed delivery stays with its dispatcher: well past the longest attempt, so a
     * second dispatcher never sends it while the first still may; a server that dies mid-attempt
     * leaves it to be retried once the lease ends.
     */
    public Duration lease() {
        return connectTimeout().plus(readTimeout()).multipliedBy(2).plusSeconds(30);
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public RetrySchedule retry() {
        return new RetrySchedule(Duration.ofSeconds(initialDelaySeconds), Duration.ofSeconds(maxDelaySeconds), jitter,
                Duration.ofHours(giveUpAfterHours));
    }
}
