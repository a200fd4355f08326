package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Kafka going away must not stop business, and nothing written meanwhile may be lost. */
@ExtendWith(RunningSystem.class)
class KafkaOutageIT {

    @Test
    void withKafkaDownTheSystemKeepsServingAndTheOutboxDrainsWhenKafkaReturns() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        system.stopKafka();
        UUID walletId;
        try {
            long started = System.nanoTime();
            JsonObject wallet = FoundationIT.openWallet(system, "customer-" + UUID.randomUUID(), "commit");
            walletId = UUID.fromString(wallet.getString("id"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5,
                    "business does not wait for Kafka");
            assertEquals(1, Database.count(system, "SELECT count(*) FROM wallet.wallet WHERE id = ?", walletId));
            assertEquals(1, Database.count(system,
                    "SELECT count(*) FROM ledger.outbox WHERE event_key = ?", walletId.toString()),
                    "the event waits in the outbox");

            // the broker probe is cached for two seconds: within a few the outage shows, readiness stays UP
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Http.Reply health;
            do {
                health = Http.get(system.healthUri());
                assertEquals(200, health.status(), "a short outage does not make the instance unready: " + health.body());
            } while (!health.body().contains("\"brokerReachable\":\"false\"") && System.nanoTime() < deadline);
            assertTrue(health.body().contains("\"brokerReachable\":\"false\""), health.body());
        } finally {
            system.startKafka();
        }

        String key = walletId.toString();
        var events = EventLog.readUntil(system.kafkaBootstrapServers(), "wallet.events",
                event -> event.key().equals(key), Duration.ofSeconds(60));
        assertEquals(1, events.stream().filter(event -> event.key().equals(key)).count(),
                "the event is published once Kafka is back");
        awaitEmptyOutbox(system, key);
    }

    private static void awaitEmptyOutbox(EmbeddedSystem system, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Database.count(system, "SELECT count(*) FROM ledger.outbox WHERE event_key = ?", key) > 0) {
            assertTrue(System.nanoTime() < deadline, "outbox drained");
            Thread.sleep(200);
        }
    }
}
