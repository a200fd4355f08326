package io.reactivepay.payments.boundary;

import io.reactivepay.payments.control.WebhookEvent;
import io.reactivepay.payments.control.WebhooksConfig;
import io.reactivepay.platform.event.Topics;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code payments.events} for as long as the application runs (consumer group
 * {@code reactivepay-webhooks}, shared by all instances) and turns each merchant's event into a
 * webhook delivery. Offsets are committed only after the deliveries are: a crash in between reads the
 * events again, and the deliveries' unique key drops the repeats. While Kafka or the database is away
 * the consumer starts over with a growing pause; nothing else waits for it.
 */
@Startup
@Singleton
@DependsOn("PaymentsMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookConsumer {

    private static final System.Logger LOG = System.getLogger(WebhookConsumer.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    @Resource
    ManagedThreadFactory threads;

    @EJB
    DeliveriesBean deliveries;

    @Inject
    WebhooksConfig config;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    @PostConstruct
    void start() {
        if (!config.enabled()) {
            LOG.log(System.Logger.Level.INFO, "Webhook consumer is off (reactivepay.webhooks.enabled=false)");
            return;
        }
        running = true;
        thread = threads.newThread(this::consume);
        thread.setName("reactivepay-webhooks-consumer");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
            // still pausing before it starts over: cut the pause short
            thread.interrupt();
            thread.join(Duration.ofSeconds(13).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "Webhook consumer did not stop within 15 s");
        }
    }

    /** Whether the consumer's thread is running (it keeps running, and retrying, while Kafka is away). */
    boolean consuming() {
        return thread != null && thread.isAlive();
    }

    private void consume() {
        Duration pause = FIRST_PAUSE;
        boolean failing = false;
        while (running) {
            try (KafkaConsumer<String, String> kafka = newConsumer()) {
                consumer = kafka;
                kafka.subscribe(List.of(Topics.PAYMENTS_EVENTS));
                while (running) {
                    ConsumerRecords<String, String> records = kafka.poll(POLL);
                    if (!records.isEmpty()) {
                        deliveries.intake(events(records));
                        kafka.commitSync(Duration.ofSeconds(10));
                    }
                    if (failing) {
                        LOG.log(System.Logger.Level.INFO, "Webhook consumer is reading payments events again");
                        failing = false;
                    }
                    pause = FIRST_PAUSE;
                }
            } catch (WakeupException e) {
                // stop() asked us to end
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!failing) {
                    LOG.log(System.Logger.Level.WARNING, "Webhook consumer failed, will start over: {0}", e.toString());
                    failing = true;
                }
                if (!sleep(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    private static List<WebhookEvent> events(ConsumerRecords<String, String> records) {
        List<WebhookEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            Optional<WebhookEvent> event = WebhookEvent.of(header(record, "event-id"), header(record, "event-type"),
                    header(record, "occurred-at"), record.value());
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                LOG.log(System.Logger.Level.WARNING, "Skipped a payments event that is not a merchant''s event "
                        + "(partition {0}, offset {1}, id {2})", record.partition(), record.offset(), header(record, "event-id"));
            }
        }
        return events;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> newConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reactivepay-webhooks");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new group starts at the beginning: events older than the retry window are passed over
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        // Deserializer instances, not class names: Kafka's reflective loading does not see module class loaders.
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
