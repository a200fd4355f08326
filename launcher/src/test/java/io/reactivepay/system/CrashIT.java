package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 in the middle of a load, of the application server and, separately, of PostgreSQL. Afterwards
 * every acknowledged transfer is there exactly once, a request whose answer was lost, retried with its
 * key, takes effect at most once, every committed entry reaches Kafka, and every invariant holds.
 */
@ExtendWith(RunningSystem.class)
class CrashIT {

    private record Transfer(String key, String from, String to, long cents) {
    }

    @Test
    void killingTheApplicationServerMidLoadLosesAndDuplicatesNothing() throws Exception {
        drill(RunningSystem.get()::crashAndRestartServer);
    }

    @Test
    void killingPostgresqlMidLoadLosesAndDuplicatesNothing() throws Exception {
        drill(RunningSystem.get()::crashAndRestartDatabase);
    }

    @FunctionalInterface
    private interface Crash {
        void run() throws Exception;
    }

    private static void drill(Crash crash) throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accounts.add(Http.post(system.baseUri().resolve("/probe/ledger/accounts?cents=1000000")).json()
                    .getString("accountId"));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Transfer> unanswered = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(load.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (loading.get()) {
                    String from = accounts.get(random.nextInt(accounts.size()));
                    String to = accounts.get(random.nextInt(accounts.size()));
                    if (!from.equals(to)) {
                        Transfer transfer = new Transfer(UUID.randomUUID().toString(), from, to, 1 + random.nextInt(100));
                        if (!send(system, transfer, acknowledged)) {
                            unanswered.put(transfer.key(), transfer);
                            sleep(50);
                        }
                    }
                }
                return null;
            }));
        }
        sleep(2_000);
        crash.run();
        sleep(2_000);
        loading.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        load.shutdown();
        assertTrue(acknowledged.size() > 50, "the load really ran: " + acknowledged.size());

        // a client that lost the answer retries with the same key: one effect at most
        for (Transfer transfer : unanswered.values()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!send(system, transfer, acknowledged)) {
                assertTrue(System.nanoTime() < deadline, "retry of " + transfer.key() + " answered");
                sleep(500);
            }
        }

        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.databaseUser(), "")) {
            Set<String> committed = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT i.key, e.id FROM ledger.idempotency i JOIN ledger.entry e ON e.id = i.result_id "
                            + "WHERE i.client_id = 'crash' AND i.key = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", acknowledged.keySet().toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        assertEquals(acknowledged.get(row.getString(1)), row.getString(2),
                                "the acknowledged entry is the one recorded for its key");
                        committed.add(row.getString(2));
                    }
                }
            }
            assertEquals(acknowledged.size(), committed.size(), "every acknowledged transfer is there, once");
            awaitEmptyOutbox(connection);
            Set<String> published = new HashSet<>();
            EventLog.readUntil(system.kafkaBootstrapServers(), "ledger.entries",
                    event -> { published.add(event.key()); return published.containsAll(committed); },
                    Duration.ofSeconds(60));
            assertTrue(published.containsAll(committed), "every committed entry reached Kafka");
        }
        Http.Reply invariants = Http.get(system.baseUri().resolve("/probe/ledger/invariants"));
        assertTrue(invariants.json().getBoolean("holds"), invariants.body());
    }

    /** Sends once; true with the entry id recorded when the server answered 200. */
    private static boolean send(EmbeddedSystem system, Transfer transfer, Map<String, String> acknowledged) {
        try {
            Http.Reply reply = Http.post(system.baseUri().resolve("/probe/ledger/transfers?key=" + transfer.key()
                    + "&from=" + transfer.from() + "&to=" + transfer.to() + "&cents=" + transfer.cents()));
            if (reply.status() == 200) {
                acknowledged.put(transfer.key(), reply.json().getString("entryId"));
                return true;
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitEmptyOutbox(Connection connection) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM ledger.outbox");
                 ResultSet row = count.executeQuery()) {
                row.next();
                if (row.getLong(1) == 0) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "the outbox drained");
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
