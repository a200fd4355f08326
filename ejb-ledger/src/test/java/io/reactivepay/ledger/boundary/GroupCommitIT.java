package io.reactivepay.ledger.boundary;

import static io.reactivepay.ledger.boundary.LedgerDatabase.LEDGER;
import static io.reactivepay.ledger.boundary.LedgerDatabase.MAINTENANCE;
import static io.reactivepay.ledger.boundary.LedgerDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.control.GroupCommitter;
import io.reactivepay.platform.concurrent.GroupCommit;
import io.reactivepay.platform.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group commit on a real PostgreSQL: many callers, one hot merchant, entries posted in shared
 * transactions by two writers; every caller gets its own outcome and nothing is lost or doubled.
 */
class GroupCommitIT {

    private static final int CALLERS = 32;
    private static final int TRANSFERS_PER_CALLER = 150;
    private static final int WALLETS = 40;
    private static final long OPENING = 2_000;

    @BeforeAll
    static void database() throws Exception {
        LedgerDatabase.start();
    }

    private static GroupCommit<PostEntry, PostOutcome> committer() {
        return GroupCommitter.start(requests -> {
            try {
                return inTransaction(() -> LEDGER.postAll(requests));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Thread::new, 2, 500);
    }

    private static PostEntry transfer(String key, UUID from, UUID to, long cents) {
        return new PostEntry("group", key, EntryCode.TRANSFER,
                List.of(Posting.debit(from, Money.of(cents, "EUR")), Posting.credit(to, Money.of(cents, "EUR"))), Map.of());
    }

    @Test
    void manyCallersShareCommitsAndEachGetsItsOwnOutcome() throws Exception {
        List<UUID> wallets = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            UUID wallet = LedgerIT.wallet();
            LedgerIT.topUp(wallet, OPENING);
            wallets.add(wallet);
        }
        UUID merchant = inTransaction(() -> LEDGER.openAccount(
                new OpenAccount("merchant:" + UUID.randomUUID(), LedgerIT.EUR, AccountKind.MERCHANT)).id());
        AtomicLong toMerchant = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Map<UUID, Long> expected = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try (GroupCommit<PostEntry, PostOutcome> committer = committer()) {
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                callers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < TRANSFERS_PER_CALLER; i++) {
                        UUID from = wallets.get(random.nextInt(WALLETS));
                        UUID to = random.nextBoolean() ? merchant : wallets.get(random.nextInt(WALLETS));
                        if (from.equals(to)) {
                            continue;
                        }
                        long amount = 1 + random.nextInt(300);
                        try {
                            Entry entry = committer.submit(transfer(UUID.randomUUID().toString(), from, to, amount))
                                    .entryOrThrow();
                            assertEquals(2, entry.postings().size());
                            expected.merge(from, -amount, Long::sum);
                            expected.merge(to, amount, Long::sum);
                            if (to.equals(merchant)) {
                                toMerchant.addAndGet(amount);
                            }
                        } catch (LedgerException e) {
                            if (e.errorCode().equals(LedgerException.INSUFFICIENT_FUNDS)) {
                                refused.incrementAndGet();
                            } else {
                                failures.add(e);
                            }
                        } catch (RuntimeException | Error e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
            assertTrue(failures.isEmpty(), "no caller saw anything but its own refusal: " + failures);
            assertTrue(committer.batches() < committer.requests() / 2,
                    "entries shared commits: " + committer.requests() + " in " + committer.batches() + " batches");
            assertTrue(refused.get() > 0, "some transfers met an empty wallet, so floors were checked under load");
        } finally {
            pool.shutdown();
        }
        assertEquals(toMerchant.get(), LedgerIT.posted(merchant), "no credit to the hot merchant was lost");
        for (UUID wallet : wallets) {
            assertEquals(OPENING + expected.getOrDefault(wallet, 0L), LedgerIT.posted(wallet), "wallet " + wallet);
            assertTrue(LedgerIT.posted(wallet) >= 0, "no wallet below zero");
        }
        inTransaction(() -> MAINTENANCE.rollUpBalances(100_000));
        LedgerIT.assertInvariants();
    }

    @Test
    void concurrentDuplicatesThroughTheCommitterPostOnce() throws Exception {
        UUID alice = LedgerIT.wallet();
        UUID bob = LedgerIT.wallet();
        LedgerIT.topUp(alice, 1_000);
        String key = UUID.randomUUID().toString();
        int duplicates = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(duplicates);
        Set<UUID> entries = ConcurrentHashMap.newKeySet();
        try (GroupCommit<PostEntry, PostOutcome> committer = committer()) {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < duplicates; i++) {
                callers.add(pool.submit(() -> {
                    start.await();
                    entries.add(committer.submit(transfer(key, alice, bob, 250)).entryOrThrow().id());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, entries.size(), "every duplicate got the one entry");
        assertEquals(750, LedgerIT.posted(alice));
        assertEquals(250, LedgerIT.posted(bob));
        LedgerIT.assertInvariants();
    }

    @Test
    void aClosedCommitterRefusesNewEntries() {
        GroupCommit<PostEntry, PostOutcome> committer = committer();
        committer.close();
        assertThrows(IllegalStateException.class,
                () -> committer.submit(transfer(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(), 1)));
    }
}
