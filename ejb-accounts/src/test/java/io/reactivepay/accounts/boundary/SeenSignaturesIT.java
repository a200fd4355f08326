package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.control.SignatureRecords;
import io.reactivepay.accounts.control.SignatureRecords.Seen;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.concurrent.GroupCommit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seen request signatures on a real PostgreSQL: a signature is accepted once, by any server, however they race. */
class SeenSignaturesIT {

    private static final Instant LATER = Instant.now().plusSeconds(600);

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.start("accounts");
    }

    private static String digest() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A server's signature log: group commit over the table, each batch a transaction of its own. */
    private static GroupCommit<Seen, Boolean> server(String name) {
        return new GroupCommit<>(name, seen -> {
            try {
                return inTransaction(() -> SignatureRecords.recordAll(TestDatabase.DATA_SOURCE.getConnection(), seen)).stream()
                        .<GroupCommit.Outcome<Boolean>>map(GroupCommit.Outcome.Done::new).toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, seen -> {
            try {
                return inTransaction(() -> SignatureRecords.recordAll(TestDatabase.DATA_SOURCE.getConnection(), List.of(seen)).get(0));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Thread::new, 2, 500);
    }

    @Test
    void aSignatureIsFirstOnceWhetherRepeatedInOneBatchOrInALaterOne() throws Exception {
        UUID merchant = UUID.randomUUID();
        String a = digest();
        String b = digest();
        List<Boolean> first = inTransaction(() -> SignatureRecords.recordAll(TestDatabase.DATA_SOURCE.getConnection(),
                List.of(new Seen(merchant, a, LATER), new Seen(merchant, b, LATER), new Seen(merchant, a, LATER))));
        assertEquals(List.of(true, true, false), first);
        List<Boolean> again = inTransaction(() -> SignatureRecords.recordAll(TestDatabase.DATA_SOURCE.getConnection(),
                List.of(new Seen(UUID.randomUUID(), a, LATER), new Seen(merchant, b, LATER))));
        assertEquals(List.of(true, false), again, "another merchant's equal digest is its own; b is a replay");
    }

    @Test
    void racingReplaysOnTwoServersAreAcceptedExactlyOnce() throws Exception {
        UUID merchant = UUID.randomUUID();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            signatures.add(digest());
        }
        ConcurrentHashMap<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try (GroupCommit<Seen, Boolean> one = server("server-one"); GroupCommit<Seen, Boolean> two = server("server-two")) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 32; c++) {
                GroupCommit<Seen, Boolean> server = c % 2 == 0 ? one : two;
                int offset = c;
                done.add(callers.submit(() -> {
                    start.await();
                    // every caller sends every signature, in an order of its own: replays race on both servers
                    for (int i = 0; i < signatures.size(); i++) {
                        String signature = signatures.get((i * 7 + offset * 13) % signatures.size());
                        if (server.submit(new Seen(merchant, signature, LATER))) {
                            accepted.computeIfAbsent(signature, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> caller : done) {
                caller.get();
            }
            assertTrue(one.batches() + two.batches() < 32L * signatures.size(), "signatures shared commits");
        } finally {
            callers.shutdownNow();
        }
        assertEquals(signatures.size(), accepted.size(), "every signature accepted once");
        assertTrue(accepted.values().stream().allMatch(count -> count.get() == 1), accepted.toString());
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT count(*) FROM accounts.seen_signature WHERE merchant_id = '" + merchant + "'")) {
            row.next();
            assertEquals(signatures.size(), row.getLong(1));
        }
    }

    /**
     * A batch commits without waiting for the disk (see {@link SignatureRecords#recordAll}), and only
     * that batch's transaction does: the next transaction on the same connection waits again.
     */
    @Test
    void aBatchCommitsAsynchronouslyAndOnlyItsOwnTransactionDoes() throws Exception {
        String during = inTransaction(() -> {
            Connection connection = TestDatabase.DATA_SOURCE.getConnection();
            SignatureRecords.recordAll(connection, List.of(new Seen(UUID.randomUUID(), digest(), LATER)));
            return synchronousCommit(connection);
        });
        assertEquals("off", during);
        assertEquals("on", inTransaction(() -> synchronousCommit(TestDatabase.DATA_SOURCE.getConnection())),
                "the next transaction of the connection commits synchronously again");
    }

    private static String synchronousCommit(Connection connection) throws Exception {
        try (Statement show = connection.createStatement(); ResultSet row = show.executeQuery("SHOW synchronous_commit")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void expiredSignaturesArePurgedAndBadInputIsRefused() throws Exception {
        UUID merchant = UUID.randomUUID();
        String old = digest();
        String fresh = digest();
        inTransaction(() -> SignatureRecords.recordAll(TestDatabase.DATA_SOURCE.getConnection(),
                List.of(new Seen(merchant, old, Instant.now().minusSeconds(1)), new Seen(merchant, fresh, LATER))));
        assertTrue(inTransaction(() -> SignatureRecords.purge(TestDatabase.DATA_SOURCE.getConnection())) >= 1);
        assertEquals(List.of(true, false), inTransaction(() -> SignatureRecords.recordAll(TestDatabase.DATA_SOURCE.getConnection(),
                List.of(new Seen(merchant, old, LATER), new Seen(merchant, fresh, LATER)))), "only the expired one is gone");

        SeenSignaturesBean bean = new SeenSignaturesBean();
        AccountsException refused = assertThrows(AccountsException.class, () -> bean.firstUse(merchant, "not-hex", LATER));
        assertEquals(AccountsException.INVALID_MERCHANT, refused.errorCode());
    }
}
