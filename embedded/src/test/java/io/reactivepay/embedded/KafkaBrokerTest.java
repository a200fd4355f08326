package io.reactivepay.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String TOPIC = "payments.events";

    @TempDir
    Path tempDir;

    @Test
    void keepsRecordsAcrossRestarts() throws Exception {
        Path logDir = tempDir.resolve("kafka");
        int port = freePort();
        int controllerPort = freePort();

        String clusterId;
        try (KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort)) {
            clusterId = broker.clusterId();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "payment-1", "captured")).get();
            }
            assertEquals(List.of("payment-1=captured"), consumeAll(broker, "first-run"));
        }

        try (KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort)) {
            assertEquals(clusterId, broker.clusterId());
            assertEquals(List.of("payment-1=captured"), consumeAll(broker, "second-run"));
        }
    }

    @Test
    void refusesAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> KafkaBroker.start(tempDir.resolve("kafka"), port, freePort()));

            assertTrue(failure.getMessage().startsWith("Port " + port + " for Kafka is already in use"),
                    failure.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Reads the topic from the beginning until a record arrives and nothing more follows. */
    private static List<String> consumeAll(KafkaBroker broker, String group) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                int before = records.size();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    records.add(record.key() + "=" + record.value());
                }
                if (!records.isEmpty() && records.size() == before) {
                    break;
                }
            }
        }
        return records;
    }
}
