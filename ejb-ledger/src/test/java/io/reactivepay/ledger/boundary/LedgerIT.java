package io.reactivepay.ledger.boundary;

import static io.reactivepay.ledger.boundary.LedgerDatabase.AUDIT;
import static io.reactivepay.ledger.boundary.LedgerDatabase.HOLDS;
import static io.reactivepay.ledger.boundary.LedgerDatabase.LEDGER;
import static io.reactivepay.ledger.boundary.LedgerDatabase.MAINTENANCE;
import static io.reactivepay.ledger.boundary.LedgerDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Hold;
import io.reactivepay.ledger.api.HoldRequest;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.StatementLine;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.ledger.control.BalanceRoller;
import io.reactivepay.platform.error.ErrorCode;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LedgerIT {

    static final Currency EUR = Currency.getInstance("EUR");

    @BeforeAll
    static void database() throws Exception {
        LedgerDatabase.start();
    }

    static UUID wallet() throws Exception {
        return inTransaction(() -> LEDGER.openAccount(
                new OpenAccount("wallet:" + UUID.randomUUID(), EUR, AccountKind.CUSTOMER_WALLET)).id());
    }

    static UUID world() throws Exception {
        return inTransaction(() -> LEDGER.systemAccount(SystemAccount.WORLD, EUR).id());
    }

    static Entry topUp(UUID wallet, long cents) throws Exception {
        UUID world = world();
        return inTransaction(() -> LEDGER.transfer("test", UUID.randomUUID().toString(), world, wallet,
                Money.of(cents, "EUR"), EntryCode.TOP_UP));
    }

    static long posted(UUID account) throws Exception {
        return inTransaction(() -> LEDGER.balance(account).posted().minorUnits());
    }

    static long available(UUID account) throws Exception {
        return inTransaction(() -> LEDGER.balance(account).available().minorUnits());
    }

    static void assertInvariants() throws Exception {
        InvariantReport report = inTransaction(AUDIT::verify);
        assertTrue(report.holds(), report.violations().toString());
    }

    static void assertRefused(ErrorCode code, Executable call) {
        LedgerException refused = assertThrows(LedgerException.class, call);
        assertEquals(code, refused.errorCode(), refused.getMessage());
    }

    @Test
    void aTransferMovesMoneyAndKeepsEveryInvariant() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 10_000);
        Entry entry = inTransaction(() -> LEDGER.transfer("test", "t-" + UUID.randomUUID(), alice, bob,
                Money.of(2_550, "EUR"), EntryCode.TRANSFER));

        assertEquals(2, entry.postings().size());
        assertEquals(7_450, posted(alice));
        assertEquals(2_550, posted(bob));
        assertInvariants();
        inTransaction(() -> MAINTENANCE.rollUpBalances(10_000));
        assertEquals(7_450, posted(alice));
        assertEquals(2_550, posted(bob));
        assertInvariants();
    }

    /**
     * The roll-up goes through the accounts with balance changes in account order, a batch at a time,
     * each batch on from where the last stopped, and folds every account once in a pass.
     */
    @Test
    void theRollUpGoesOnWhereItStoppedUntilEveryAccountIsFolded() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        UUID carol = wallet();
        topUp(alice, 9_000);
        inTransaction(() -> LEDGER.transfer("test", "t-" + UUID.randomUUID(), alice, bob, Money.of(1_000, "EUR"),
                EntryCode.TRANSFER));
        inTransaction(() -> LEDGER.transfer("test", "t-" + UUID.randomUUID(), alice, carol, Money.of(2_000, "EUR"),
                EntryCode.TRANSFER));
        long withChanges = sqlLong("SELECT count(DISTINCT account_id) FROM ledger.balance_delta");
        assertTrue(withChanges >= 3, "bob, carol and the world account at least: " + withChanges);

        List<UUID> seen = new ArrayList<>();
        UUID after = BalanceRoller.FIRST;
        long folded = 0;
        for (BalanceRoller.RollUp done; ; after = done.last()) {
            UUID from = after;
            done = inTransaction(() -> MAINTENANCE.rollUpBalances(1, from));
            if (done.candidates() == 0) {
                assertEquals(after, done.last(), "an empty batch leaves the cursor where it was");
                break;
            }
            assertEquals(1, done.accounts());
            seen.add(done.last());
            folded += done.accounts();
        }
        assertEquals(withChanges, folded);
        assertEquals(withChanges, seen.stream().distinct().count(), "each account once: " + seen);
        assertEquals(0, sqlLong("SELECT count(*) FROM ledger.balance_delta"));
        assertEquals(6_000, posted(alice));
        assertEquals(1_000, posted(bob));
        assertEquals(2_000, posted(carol));
        assertInvariants();
    }

    private static long sqlLong(String query) throws Exception {
        try (Connection connection = LedgerDatabase.connect(); Statement sql = connection.createStatement();
             var row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aDebitBelowTheFloorIsRefusedAndChangesNothing() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        assertRefused(LedgerException.INSUFFICIENT_FUNDS, () -> inTransaction(() -> LEDGER.transfer("test",
                "t-" + UUID.randomUUID(), alice, bob, Money.of(1_001, "EUR"), EntryCode.TRANSFER)));
        assertEquals(1_000, posted(alice));
        assertEquals(0, posted(bob));
        assertInvariants();
    }

    @Test
    void anOverdraftLetsTheAccountGoThatFarBelowZeroAndNoFurther() throws Exception {
        UUID overdrawn = inTransaction(() -> LEDGER.openAccount(new OpenAccount("merchant:" + UUID.randomUUID(), EUR,
                AccountKind.MERCHANT, io.reactivepay.ledger.api.FloorPolicy.overdraft(500))).id());
        UUID bob = wallet();
        inTransaction(() -> LEDGER.transfer("test", "o-" + UUID.randomUUID(), overdrawn, bob, Money.of(500, "EUR"),
                EntryCode.PAYOUT));
        assertEquals(-500, posted(overdrawn));
        assertRefused(LedgerException.INSUFFICIENT_FUNDS, () -> inTransaction(() -> LEDGER.transfer("test",
                "o-" + UUID.randomUUID(), overdrawn, bob, Money.of(1, "EUR"), EntryCode.PAYOUT)));
    }

    @Test
    void malformedEntriesAreRefusedWithTheirCode() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        assertRefused(LedgerException.INVALID_ENTRY, () -> inTransaction(() -> LEDGER.post(new PostEntry("test",
                "u-" + UUID.randomUUID(), EntryCode.TRANSFER,
                List.of(Posting.debit(alice, Money.of(100, "EUR")), Posting.credit(bob, Money.of(99, "EUR"))), Map.of()))));
        assertRefused(LedgerException.INVALID_ENTRY, () -> inTransaction(() -> LEDGER.post(new PostEntry("test",
                "u-" + UUID.randomUUID(), EntryCode.TRANSFER, List.of(Posting.debit(alice, Money.of(100, "EUR"))), Map.of()))));
        assertRefused(LedgerException.CURRENCY_MISMATCH, () -> inTransaction(() -> LEDGER.transfer("test",
                "u-" + UUID.randomUUID(), alice, bob, Money.of(100, "USD"), EntryCode.TRANSFER)));
        assertRefused(LedgerException.ACCOUNT_NOT_FOUND, () -> inTransaction(() -> LEDGER.transfer("test",
                "u-" + UUID.randomUUID(), alice, UUID.randomUUID(), Money.of(100, "EUR"), EntryCode.TRANSFER)));
        assertEquals(1_000, posted(alice));
        assertInvariants();
    }

    @Test
    void aFrozenAccountTakesCreditsButNoDebits() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        inTransaction(() -> LEDGER.changeStatus(alice, AccountStatus.FROZEN));
        assertRefused(LedgerException.ACCOUNT_FROZEN, () -> inTransaction(() -> LEDGER.transfer("test",
                "f-" + UUID.randomUUID(), alice, bob, Money.of(1, "EUR"), EntryCode.TRANSFER)));
        topUp(alice, 500);
        assertEquals(1_500, posted(alice));
        inTransaction(() -> LEDGER.changeStatus(alice, AccountStatus.OPEN));
        inTransaction(() -> LEDGER.transfer("test", "f-" + UUID.randomUUID(), alice, bob, Money.of(1, "EUR"),
                EntryCode.TRANSFER));
        assertEquals(1_499, posted(alice));
    }

    @Test
    void aReplayedKeyReturnsTheFirstResultAndAReusedKeyIsRefused() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        String key = "k-" + UUID.randomUUID();
        Entry first = inTransaction(() -> LEDGER.transfer("test", key, alice, bob, Money.of(300, "EUR"), EntryCode.TRANSFER));
        Entry again = inTransaction(() -> LEDGER.transfer("test", key, alice, bob, Money.of(300, "EUR"), EntryCode.TRANSFER));
        assertEquals(first.id(), again.id());
        assertEquals(700, posted(alice));
        assertRefused(LedgerException.IDEMPOTENCY_CONFLICT, () -> inTransaction(() ->
                LEDGER.transfer("test", key, alice, bob, Money.of(301, "EUR"), EntryCode.TRANSFER)));
        // keys are scoped per client: another client may use the same key
        inTransaction(() -> LEDGER.transfer("other-client", key, alice, bob, Money.of(300, "EUR"), EntryCode.TRANSFER));
        assertEquals(400, posted(alice));
        assertInvariants();
    }

    @Test
    void twentyConcurrentDuplicatesHaveExactlyOneEffect() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        String key = "c-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Entry>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> inTransaction(() ->
                        LEDGER.transfer("test", key, alice, bob, Money.of(100, "EUR"), EntryCode.TRANSFER))));
            }
            UUID first = results.get(0).get().id();
            for (Future<Entry> result : results) {
                assertEquals(first, result.get().id());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(900, posted(alice));
        assertEquals(100, posted(bob));
        assertInvariants();
    }

    @Test
    void aReversalMirrorsTheEntryOnceAndLeavesTheOriginalAsItWas() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        Entry original = inTransaction(() -> LEDGER.transfer("test", "r-" + UUID.randomUUID(), alice, bob,
                Money.of(400, "EUR"), EntryCode.TRANSFER));
        Entry reversal = inTransaction(() -> LEDGER.reverse("test", "r-" + UUID.randomUUID(), original.id(), "sent twice"));

        assertEquals(EntryCode.REVERSAL, reversal.code());
        assertEquals(original.id(), reversal.reverses().orElseThrow());
        assertEquals(original, inTransaction(() -> LEDGER.entry(original.id())).orElseThrow());
        assertEquals(1_000, posted(alice));
        assertEquals(0, posted(bob));
        assertRefused(LedgerException.ALREADY_REVERSED, () -> inTransaction(() ->
                LEDGER.reverse("test", "r-" + UUID.randomUUID(), original.id(), "again")));
        assertInvariants();
    }

    @Test
    void aReversalThatWouldBreachAFloorIsRefused() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        UUID carol = wallet();
        topUp(alice, 1_000);
        Entry paid = inTransaction(() -> LEDGER.transfer("test", "r-" + UUID.randomUUID(), alice, bob,
                Money.of(1_000, "EUR"), EntryCode.TRANSFER));
        inTransaction(() -> LEDGER.transfer("test", "r-" + UUID.randomUUID(), bob, carol, Money.of(600, "EUR"),
                EntryCode.TRANSFER));
        assertRefused(LedgerException.INSUFFICIENT_FUNDS, () -> inTransaction(() ->
                LEDGER.reverse("test", "r-" + UUID.randomUUID(), paid.id(), "dispute")));
        assertInvariants();
    }

    @Test
    void aHoldReservesThenCapturesPartlyAndReleasesTheRest() throws Exception {
        UUID alice = wallet();
        UUID shop = wallet();
        topUp(alice, 1_000);
        Hold hold = inTransaction(() -> HOLDS.hold(new HoldRequest("test", "h-" + UUID.randomUUID(), alice, shop,
                Money.of(800, "EUR"), Instant.now().plusSeconds(600), EntryCode.PAYMENT, Map.of("order", "42"))));
        assertEquals(200, available(alice));
        assertEquals(1_000, posted(alice));
        assertRefused(LedgerException.INSUFFICIENT_FUNDS, () -> inTransaction(() -> LEDGER.transfer("test",
                "h-" + UUID.randomUUID(), alice, shop, Money.of(201, "EUR"), EntryCode.TRANSFER)));
        assertInvariants();

        String captureKey = "h-" + UUID.randomUUID();
        Hold captured = inTransaction(() -> HOLDS.capture("test", captureKey, hold.id(), Money.of(500, "EUR")));
        assertEquals(Hold.Status.CAPTURED, captured.status());
        assertEquals(500, posted(shop));
        assertEquals(500, available(alice));
        assertEquals("42", inTransaction(() -> LEDGER.entry(captured.captureEntryId().orElseThrow())).orElseThrow()
                .metadata().get("order"));
        assertEquals(captured, inTransaction(() -> HOLDS.capture("test", captureKey, hold.id(), Money.of(500, "EUR"))));
        assertRefused(LedgerException.HOLD_NOT_PENDING, () -> inTransaction(() ->
                HOLDS.voidHold("test", "h-" + UUID.randomUUID(), hold.id())));
        assertInvariants();
    }

    @Test
    void aSplitCaptureCreditsTheFeeAccountInTheSameEntryWithTheGivenMetadata() throws Exception {
        UUID alice = wallet();
        UUID shop = wallet();
        UUID fees = wallet();
        topUp(alice, 1_000);
        Hold hold = inTransaction(() -> HOLDS.hold(new HoldRequest("test", "s-" + UUID.randomUUID(), alice, shop,
                Money.of(1_000, "EUR"), Instant.now().plusSeconds(600), EntryCode.PAYMENT, Map.of("paymentId", "p-1"))));
        assertRefused(LedgerException.INVALID_ENTRY, () -> inTransaction(() -> HOLDS.capture("test",
                "s-" + UUID.randomUUID(), hold.id(), Money.of(600, "EUR"), fees, Money.of(601, "EUR"), Map.of())));
        String key = "s-" + UUID.randomUUID();
        Hold captured = inTransaction(() -> HOLDS.capture("test", key, hold.id(), Money.of(600, "EUR"), fees,
                Money.of(18, "EUR"), Map.of("gross", "600", "fee", "18")));
        assertEquals(Hold.Status.CAPTURED, captured.status());
        assertEquals(582, posted(shop));
        assertEquals(18, posted(fees));
        assertEquals(400, available(alice));
        assertEquals(400, posted(alice));
        Entry entry = inTransaction(() -> LEDGER.entry(captured.captureEntryId().orElseThrow())).orElseThrow();
        assertEquals(3, entry.postings().size());
        assertEquals(Map.of("paymentId", "p-1", "gross", "600", "fee", "18", "holdId", hold.id().toString()),
                entry.metadata());
        assertEquals(captured, inTransaction(() -> HOLDS.capture("test", key, hold.id(), Money.of(600, "EUR"), fees,
                Money.of(18, "EUR"), Map.of("gross", "600", "fee", "18"))));
        assertInvariants();
    }

    @Test
    void aVoidedOrExpiredHoldReleasesItsAmount() throws Exception {
        UUID alice = wallet();
        UUID shop = wallet();
        topUp(alice, 1_000);
        Hold voided = inTransaction(() -> HOLDS.hold(new HoldRequest("test", "v-" + UUID.randomUUID(), alice, shop,
                Money.of(300, "EUR"), Instant.now().plusSeconds(600), EntryCode.PAYMENT, Map.of())));
        inTransaction(() -> HOLDS.voidHold("test", "v-" + UUID.randomUUID(), voided.id()));
        assertEquals(1_000, available(alice));

        Hold expiring = inTransaction(() -> HOLDS.hold(new HoldRequest("test", "v-" + UUID.randomUUID(), alice, shop,
                Money.of(700, "EUR"), Instant.now().plusMillis(300), EntryCode.PAYMENT, Map.of())));
        assertEquals(300, available(alice));
        Thread.sleep(400);
        assertRefused(LedgerException.HOLD_EXPIRED, () -> inTransaction(() ->
                HOLDS.capture("test", "v-" + UUID.randomUUID(), expiring.id(), Money.of(700, "EUR"))));
        while (inTransaction(() -> MAINTENANCE.expireHolds(100)) == 100) {
            // drain everything due
        }
        assertEquals(Hold.Status.EXPIRED, inTransaction(() -> HOLDS.find(expiring.id())).orElseThrow().status());
        assertEquals(1_000, available(alice));
        assertEquals(0, posted(shop));
        assertInvariants();
    }

    @Test
    void theStatementCarriesARunningBalanceAndPastBalancesCanBeAsked() throws Exception {
        UUID alice = wallet();
        UUID bob = wallet();
        topUp(alice, 1_000);
        Instant afterTopUp = Instant.now();
        Thread.sleep(20);
        for (int i = 1; i <= 3; i++) {
            long cents = 100L * i;
            inTransaction(() -> LEDGER.transfer("test", "s-" + UUID.randomUUID(), alice, bob, Money.of(cents, "EUR"),
                    EntryCode.TRANSFER));
        }
        List<StatementLine> first = inTransaction(() -> LEDGER.statement(alice, 0, 2));
        List<StatementLine> rest = inTransaction(() -> LEDGER.statement(alice, first.get(1).postingId(), 10));
        assertEquals(List.of(1_000L, 900L), first.stream().map(line -> line.balanceAfter().minorUnits()).toList());
        assertEquals(List.of(700L, 400L), rest.stream().map(line -> line.balanceAfter().minorUnits()).toList());
        assertEquals(List.of(-200L, -300L), rest.stream().map(line -> line.amount().minorUnits()).toList());
        assertEquals(1_000, inTransaction(() -> LEDGER.balanceAt(alice, afterTopUp)).minorUnits());
        assertRefused(LedgerException.INVALID_REQUEST, () -> inTransaction(() -> LEDGER.statement(alice, 0, 501)));
    }

    @Test
    void aStatementNeverStepsOverAPostingThatCommitsLate() throws Exception {
        UUID merchant = wallet();
        topUp(merchant, 100);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UUID world = world();
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            // The slow credit takes its posting id first and commits last.
            Future<Entry> late = slow.submit(() -> inTransaction(() -> {
                Entry entry = LEDGER.transfer("test", UUID.randomUUID().toString(), world, merchant,
                        Money.of(7, "EUR"), EntryCode.TOP_UP);
                written.countDown();
                assertTrue(release.await(30, TimeUnit.SECONDS));
                return entry;
            }));
            assertTrue(written.await(30, TimeUnit.SECONDS));
            topUp(merchant, 20);
            List<StatementLine> first = inTransaction(() -> LEDGER.statement(merchant, 0, 10));
            assertEquals(List.of(100L), first.stream().map(line -> line.amount().minorUnits()).toList(),
                    "a posting shows only once every transaction older than it has ended");
            release.countDown();
            late.get(30, TimeUnit.SECONDS);
            List<StatementLine> rest = inTransaction(() -> LEDGER.statement(merchant, first.get(0).postingId(), 10));
            // In the order the transactions began: the slow one wrote first.
            assertEquals(List.of(7L, 20L), rest.stream().map(line -> line.amount().minorUnits()).toList());
            assertEquals(List.of(107L, 127L), rest.stream().map(line -> line.balanceAfter().minorUnits()).toList());
        } finally {
            release.countDown();
            slow.shutdownNow();
        }
    }

    @Test
    void theInvariantCheckFindsATamperedBalance() throws Exception {
        UUID alice = wallet();
        topUp(alice, 1_000);
        try (Connection connection = LedgerDatabase.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE ledger.account SET balance_minor = balance_minor + 1 WHERE id = '" + alice + "'");
            InvariantReport report = inTransaction(AUDIT::verify);
            assertTrue(report.violations().stream().anyMatch(v -> v.contains(alice + " has balance")), report.toString());
            assertTrue(report.violations().stream().anyMatch(v -> v.contains("balances in EUR sum to 1")), report.toString());
            sql.executeUpdate("UPDATE ledger.account SET balance_minor = balance_minor - 1 WHERE id = '" + alice + "'");
        }
        assertInvariants();
    }

    @Test
    void theJournalRefusesDeletesAndTheCheckFindsAPostingWithoutItsAccountOrEntry() throws Exception {
        UUID alice = wallet();
        topUp(alice, 1_000);
        try (Connection connection = LedgerDatabase.connect(); Statement sql = connection.createStatement()) {
            for (String table : List.of("ledger.account", "ledger.entry", "ledger.posting")) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class,
                        () -> sql.executeUpdate("DELETE FROM " + table + " WHERE false"));
                assertEquals("23001", refused.getSQLState(), table + ": " + refused.getMessage());
            }
            connection.setAutoCommit(false);
            UUID noAccount = UUID.randomUUID();
            UUID noEntry = UUID.randomUUID();
            sql.executeUpdate("INSERT INTO ledger.posting (entry_id, account_id, amount_minor, currency, created_at) VALUES ('"
                    + noEntry + "', '" + noAccount + "', 1, 'EUR', now())");
            sql.executeUpdate("INSERT INTO ledger.balance_delta (account_id, amount_minor) VALUES ('" + noAccount + "', 1)");
            InvariantReport report = new io.reactivepay.ledger.control.InvariantChecker().verify(connection);
            assertTrue(report.violations().stream().anyMatch(v -> v.contains("names account " + noAccount)), report.toString());
            assertTrue(report.violations().stream().anyMatch(v -> v.contains("names entry " + noEntry)), report.toString());
            assertTrue(report.violations().stream().anyMatch(v -> v.startsWith("balance change") && v.contains(noAccount.toString())),
                    report.toString());
            connection.rollback();
        }
        assertInvariants();
    }

    @Test
    void appendAllWritesEveryEventInTheCallersTransactionOrNone() throws Exception {
        OutboxBean outbox = new OutboxBean();
        outbox.dataSource = io.reactivepay.embedded.TestDatabase.DATA_SOURCE;
        outbox.writer = new io.reactivepay.ledger.control.OutboxWriter();
        String key = UUID.randomUUID().toString();
        List<io.reactivepay.platform.event.EventEnvelope> events = List.of(
                io.reactivepay.platform.event.EventEnvelope.of("payments.events", key, "payment.created", "{}"),
                io.reactivepay.platform.event.EventEnvelope.of("payments.events", key, "payment.captured", "{}"));
        assertThrows(IllegalStateException.class, () -> inTransaction(() -> {
            outbox.appendAll(events);
            throw new IllegalStateException("the caller fails");
        }));
        assertEquals(0, outboxRows(key));
        inTransaction(() -> {
            outbox.appendAll(events);
            return null;
        });
        assertEquals(2, outboxRows(key));
    }

    private static long outboxRows(String key) throws Exception {
        return sqlLong("SELECT count(*) FROM ledger.outbox WHERE event_key = '" + key + "'");
    }

    @Test
    void eachEntryLeavesOneEventInTheOutbox() throws Exception {
        UUID alice = wallet();
        Entry entry = topUp(alice, 1_000);
        try (Connection connection = LedgerDatabase.connect(); Statement sql = connection.createStatement();
             var row = sql.executeQuery("SELECT count(*), min(payload) FROM ledger.outbox WHERE topic = 'ledger.entries' "
                     + "AND event_key = '" + entry.id() + "'")) {
            row.next();
            assertEquals(1, row.getLong(1));
            assertTrue(row.getString(2).contains("\"code\":\"TOP_UP\""), row.getString(2));
        }
    }

    @Test
    void idempotencyKeysAreKeptForThirtyDaysThenForgotten() throws Exception {
        UUID alice = wallet();
        String recent = "p-" + UUID.randomUUID();
        String old = "p-" + UUID.randomUUID();
        UUID world = world();
        topUp(alice, 1_000);
        inTransaction(() -> LEDGER.transfer("purge", recent, alice, world, Money.of(1, "EUR"), EntryCode.PAYOUT));
        inTransaction(() -> LEDGER.transfer("purge", old, alice, world, Money.of(1, "EUR"), EntryCode.PAYOUT));
        try (Connection connection = LedgerDatabase.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE ledger.idempotency SET created_at = now() - interval '29 days' WHERE key = '" + recent + "'");
            sql.executeUpdate("UPDATE ledger.idempotency SET created_at = now() - interval '31 days' WHERE key = '" + old + "'");
            assertTrue(inTransaction(() -> MAINTENANCE.purgeIdempotencyKeys(1_000)) >= 1);
            try (var row = sql.executeQuery("SELECT key FROM ledger.idempotency WHERE client_id = 'purge'")) {
                List<String> kept = new ArrayList<>();
                while (row.next()) {
                    kept.add(row.getString(1));
                }
                assertEquals(List.of(recent), kept);
            }
        }
    }
}
