package io.reactivepay.ledger.boundary;

import static io.reactivepay.ledger.boundary.LedgerDatabase.LEDGER;
import static io.reactivepay.ledger.boundary.LedgerDatabase.inTransaction;
import static io.reactivepay.ledger.boundary.LedgerIT.assertInvariants;
import static io.reactivepay.ledger.boundary.LedgerIT.posted;
import static io.reactivepay.ledger.boundary.LedgerIT.topUp;
import static io.reactivepay.ledger.boundary.LedgerIT.wallet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.platform.error.ErrorCode;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Ledger.postAll}: many entries in one transaction, each accepted or refused on its own, in order. */
class LedgerBatchIT {

    @BeforeAll
    static void database() throws Exception {
        LedgerDatabase.start();
    }

    private static PostEntry transfer(String key, UUID from, UUID to, long cents) {
        return new PostEntry("batch", key, EntryCode.TRANSFER,
                List.of(Posting.debit(from, Money.of(cents, "EUR")), Posting.credit(to, Money.of(cents, "EUR"))), Map.of());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static Entry entryOf(PostOutcome outcome) {
        return assertInstanceOf(PostOutcome.Posted.class, outcome).entry();
    }

    private static void assertRefused(ErrorCode code, PostOutcome outcome) {
        assertEquals(code, assertInstanceOf(PostOutcome.Refused.class, outcome).code(), outcome.toString());
    }

    private static long count(String sql, UUID id) throws Exception {
        try (Connection connection = LedgerDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void entriesAreCheckedInOrderAgainstTheBalancesTheEarlierOnesLeft() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        UUID carol = wallet();
        topUp(bob, 1_000);
        String refusedKey = key();

        List<PostOutcome> outcomes = inTransaction(() -> LEDGER.postAll(List.of(
                transfer(key(), alice, carol, 100),      // alice has nothing yet
                transfer(key(), bob, alice, 700),
                transfer(key(), alice, carol, 500),      // pays from what bob just sent
                transfer(refusedKey, alice, carol, 300), // only 200 left
                transfer(key(), bob, bob, 1),            // not an entry at all
                transfer(key(), alice, carol, 200))));

        assertRefused(LedgerException.INSUFFICIENT_FUNDS, outcomes.get(0));
        entryOf(outcomes.get(1));
        entryOf(outcomes.get(2));
        assertRefused(LedgerException.INSUFFICIENT_FUNDS, outcomes.get(3));
        assertRefused(LedgerException.INVALID_ENTRY, outcomes.get(4));
        entryOf(outcomes.get(5));
        assertEquals(0, posted(alice));
        assertEquals(300, posted(bob));
        assertEquals(700, posted(carol));
        assertEquals(2, count("SELECT count(*) FROM ledger.posting WHERE account_id = ?", carol),
                "refused entries wrote no postings");
        assertInvariants();

        // a refusal left no trace: its key is free for a request that now fits
        topUp(alice, 300);
        Entry later = inTransaction(() -> LEDGER.post(transfer(refusedKey, alice, carol, 300)));
        assertEquals(1, count("SELECT count(*) FROM ledger.entry WHERE id = ?", later.id()));
        assertEquals(1_000, posted(carol));
    }

    @Test
    void everyAcceptedEntryWritesItsEventAndAPostingPerLeg() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        List<PostOutcome> outcomes = inTransaction(() -> LEDGER.postAll(List.of(
                transfer(key(), alice, bob, 10), transfer(key(), alice, bob, 20), transfer(key(), bob, alice, 5))));

        for (PostOutcome outcome : outcomes) {
            UUID entry = entryOf(outcome).id();
            assertEquals(2, count("SELECT count(*) FROM ledger.posting WHERE entry_id = ?", entry));
            assertEquals(1, count("SELECT count(*) FROM ledger.outbox WHERE event_key = ?::text", entry));
            assertEquals(entryOf(outcome), inTransaction(() -> LEDGER.entry(entry)).orElseThrow(),
                    "the entry reads back as posted");
        }
        assertEquals(975, posted(alice));
        assertEquals(25, posted(bob));
        assertInvariants();
    }

    @Test
    void aBatchWithoutAnyFloorCheckedDebitLocksNothingAndPosts() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        UUID world = LedgerIT.world();
        List<PostOutcome> outcomes = inTransaction(() -> LEDGER.postAll(List.of(
                transfer(key(), world, alice, 300), transfer(key(), world, bob, 200))));

        outcomes.forEach(LedgerBatchIT::entryOf);
        assertEquals(300, posted(alice));
        assertEquals(200, posted(bob));
        assertInvariants();
    }

    @Test
    void keysAreIdempotentAcrossAndWithinBatches() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        String first = key();
        String twice = key();
        String reused = key();
        Entry original = entryOf(inTransaction(() -> LEDGER.postAll(List.of(transfer(first, alice, bob, 100)))).get(0));

        List<PostOutcome> outcomes = inTransaction(() -> LEDGER.postAll(List.of(
                transfer(first, alice, bob, 100),   // replay of an earlier batch
                transfer(first, alice, bob, 999),   // same key, other request
                transfer(twice, alice, bob, 50),
                transfer(twice, alice, bob, 50),    // repeated within the batch
                transfer(reused, alice, bob, 10),
                transfer(reused, bob, alice, 10))));

        assertEquals(original, entryOf(outcomes.get(0)));
        assertRefused(LedgerException.IDEMPOTENCY_CONFLICT, outcomes.get(1));
        assertEquals(entryOf(outcomes.get(2)), entryOf(outcomes.get(3)));
        entryOf(outcomes.get(4));
        assertRefused(LedgerException.IDEMPOTENCY_CONFLICT, outcomes.get(5));
        assertEquals(840, posted(alice), "one effect per key: 100 + 50 + 10");
        assertEquals(160, posted(bob));
        assertInvariants();
    }

    @Test
    void unknownFrozenAndForeignAccountsAreRefusedWhileTheOthersPost() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        UUID frozen = wallet();
        topUp(alice, 1_000);
        topUp(frozen, 1_000);
        inTransaction(() -> LEDGER.changeStatus(frozen, AccountStatus.FROZEN));
        PostEntry dollars = new PostEntry("batch", key(), EntryCode.TRANSFER,
                List.of(Posting.debit(alice, Money.of(5, "USD")), Posting.credit(bob, Money.of(5, "USD"))), Map.of());

        List<PostOutcome> outcomes = inTransaction(() -> LEDGER.postAll(List.of(
                transfer(key(), alice, UUID.randomUUID(), 10),
                transfer(key(), frozen, bob, 10),
                dollars,
                transfer(key(), alice, frozen, 10),   // a frozen account still receives
                transfer(key(), alice, bob, 10))));

        assertRefused(LedgerException.ACCOUNT_NOT_FOUND, outcomes.get(0));
        assertRefused(LedgerException.ACCOUNT_FROZEN, outcomes.get(1));
        assertRefused(LedgerException.CURRENCY_MISMATCH, outcomes.get(2));
        entryOf(outcomes.get(3));
        entryOf(outcomes.get(4));
        assertEquals(980, posted(alice));
        assertEquals(1_010, posted(frozen));
        assertInvariants();
    }

    @Test
    void concurrentBatchesWithTheSameKeysHaveExactlyOneEffectPerKey() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 10_000);
        List<PostEntry> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(transfer(key(), alice, bob, 10 + i));
        }
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<List<PostOutcome>>> results = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            List<PostEntry> shuffled = new ArrayList<>(requests);
            java.util.Collections.shuffle(shuffled);
            results.add(pool.submit(() -> {
                start.await();
                return inTransaction(() -> LEDGER.postAll(shuffled));
            }));
        }
        start.countDown();
        java.util.Set<UUID> entries = new java.util.HashSet<>();
        for (Future<List<PostOutcome>> result : results) {
            result.get().forEach(outcome -> entries.add(entryOf(outcome).id()));
        }
        pool.shutdown();

        assertEquals(20, entries.size(), "every racer got the same 20 entries");
        long sent = requests.stream().mapToLong(r -> r.postings().get(1).amount().minorUnits()).sum();
        assertEquals(sent, posted(bob));
        assertEquals(10_000 - sent, posted(alice));
        assertInvariants();
    }
}
