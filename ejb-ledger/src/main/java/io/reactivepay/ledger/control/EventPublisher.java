package io.reactivepay.ledger.control;

import io.reactivepay.platform.event.EventEnvelope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one Kafka producer of this server instance (producers are thread-safe and expensive), plus a
 * cheap probe of the broker for health checks.
 * <p>
 * Timeouts are short on purpose: when Kafka is down the relay should fail fast and retry, leaving the
 * events safely in the outbox, rather than hold a database transaction for minutes.
 */
@ApplicationScoped
public class EventPublisher {

    private static final System.Logger LOG = System.getLogger(EventPublisher.class.getName());
    private static final long PROBE_CACHE_MILLIS = 2_000;

    @Inject
    LedgerConfig config;

    private KafkaProducer<String, String> producer;
    private Admin admin;
    private volatile long probedAt;
    private volatile boolean reachable;

    /** Sends the events and waits until Kafka has acknowledged every one of them. */
    public void publishAll(List<EventEnvelope> events) throws InterruptedException, ExecutionException, TimeoutException {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers()
                    .add("event-id", event.id().toString().getBytes(StandardCharsets.UTF_8))
                    .add("event-type", event.type().getBytes(StandardCharsets.UTF_8))
                    .add("occurred-at", event.occurredAt().toString().getBytes(StandardCharsets.UTF_8));
            acks.add(kafka.send(record));
        }
        kafka.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(10, TimeUnit.SECONDS);
        }
        reachable = true;
    }

    /** Whether the broker answered within two seconds; cached briefly so health checks stay cheap. */
    public boolean brokerReachable() {
        long now = System.currentTimeMillis();
        if (now - probedAt > PROBE_CACHE_MILLIS) {
            reachable = probe();
            probedAt = now;
        }
        return reachable;
    }

    private boolean probe() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "Kafka probe failed: {0}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "reactivepay-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "6000");
            // Serializer instances, not class names: Kafka's reflective loading does not see module class loaders.
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "reactivepay-health");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
