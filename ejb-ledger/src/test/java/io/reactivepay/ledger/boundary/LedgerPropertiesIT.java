package io.reactivepay.ledger.boundary;

import static io.reactivepay.ledger.boundary.LedgerDatabase.AUDIT;
import static io.reactivepay.ledger.boundary.LedgerDatabase.HOLDS;
import static io.reactivepay.ledger.boundary.LedgerDatabase.LEDGER;
import static io.reactivepay.ledger.boundary.LedgerDatabase.MAINTENANCE;
import static io.reactivepay.ledger.boundary.LedgerDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.reactivepay.ledger.api.Balance;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Hold;
import io.reactivepay.ledger.api.HoldRequest;
import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.platform.error.ErrorCode;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of transfers, holds, captures, voids, reversals, replays and roll-ups against the
 * real ledger, each step checked against a simple model of the balances and followed by the full
 * invariant check. jqwik shrinks a failing sequence to a minimal one.
 */
class LedgerPropertiesIT {

    private static final int ACCOUNTS = 4;
    private static final long OPENING = 1_000;

    @BeforeContainer
    static void database() throws Exception {
        LedgerDatabase.start();
    }

    sealed interface Step {
    }

    record Transfer(int from, int to, long amount) implements Step {
    }

    record PlaceHold(int from, int to, long amount) implements Step {
    }

    record Capture(int hold, long amount) implements Step {
    }

    record VoidHold(int hold) implements Step {
    }

    record Reverse(int entry) implements Step {
    }

    record Replay() implements Step {
    }

    record RollUp() implements Step {
    }

    /** Transfers posted together through {@code postAll}, the last one repeated with the first one's key. */
    record Batch(List<Transfer> transfers, boolean repeatFirst) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 700);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 9);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Combinators.combine(account, account, amount).as(Transfer::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, account, amount).as(PlaceHold::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index, amount).as(Capture::new)),
                net.jqwik.api.Tuple.of(1, index.map(VoidHold::new)),
                net.jqwik.api.Tuple.of(2, index.map(Reverse::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Replay())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new RollUp())),
                net.jqwik.api.Tuple.of(2, Combinators.combine(
                        Combinators.combine(account, account, amount).as(Transfer::new).list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of(true, false)).as(Batch::new)));
        return step.list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 40)
    void everyStepKeepsTheBalancesOfTheModelAndEveryInvariant(@ForAll("steps") List<Step> steps) throws Exception {
        Model model = new Model();
        for (Step step : steps) {
            model.apply(step);
            model.assertBalances();
            InvariantReport report = inTransaction(AUDIT::verify);
            assertTrue(report.holds(), "after " + step + ": " + report.violations());
        }
    }

    /** The ledger as a few maps: what each step should do, checked against what it did. */
    private static final class Model {

        private final List<UUID> accounts = new ArrayList<>();
        private final Map<UUID, Long> posted = new HashMap<>();
        private final Map<UUID, Long> held = new HashMap<>();
        private final List<Hold> holds = new ArrayList<>();
        private final List<Entry> entries = new ArrayList<>();
        private final List<Entry> reversed = new ArrayList<>();
        private Callable<Object> lastCall;
        private Object lastResult;

        Model() throws Exception {
            for (int i = 0; i < ACCOUNTS; i++) {
                UUID account = LedgerIT.wallet();
                LedgerIT.topUp(account, OPENING);
                accounts.add(account);
                posted.put(account, OPENING);
                held.put(account, 0L);
            }
        }

        long available(UUID account) {
            return posted.get(account) - held.get(account);
        }

        void apply(Step step) throws Exception {
            // Java 17: no pattern switch yet
            if (step instanceof Transfer t) {
                transfer(accounts.get(t.from()), accounts.get(t.to()), t.amount());
            } else if (step instanceof PlaceHold h) {
                placeHold(accounts.get(h.from()), accounts.get(h.to()), h.amount());
            } else if (step instanceof Capture c) {
                capture(c);
            } else if (step instanceof VoidHold v) {
                voidHold(v);
            } else if (step instanceof Reverse r) {
                reverse(r);
            } else if (step instanceof Replay) {
                replay();
            } else if (step instanceof Batch b) {
                batch(b);
            } else {
                inTransaction(() -> MAINTENANCE.rollUpBalances(1_000));
            }
        }

        private void transfer(UUID from, UUID to, long amount) throws Exception {
            String key = UUID.randomUUID().toString();
            Callable<Object> call = () -> LEDGER.transfer("model", key, from, to, Money.of(amount, "EUR"), EntryCode.TRANSFER);
            if (from.equals(to)) {
                expectRefusal(LedgerException.INVALID_ENTRY, call);
            } else if (available(from) < amount) {
                expectRefusal(LedgerException.INSUFFICIENT_FUNDS, call);
            } else {
                entries.add((Entry) succeed(call));
                move(from, to, amount);
            }
        }

        private void batch(Batch step) throws Exception {
            List<PostEntry> requests = new ArrayList<>();
            for (Transfer t : step.transfers()) {
                Money amount = Money.of(t.amount(), "EUR");
                requests.add(new PostEntry("model", UUID.randomUUID().toString(), EntryCode.TRANSFER,
                        List.of(Posting.debit(accounts.get(t.from()), amount), Posting.credit(accounts.get(t.to()), amount)),
                        Map.of()));
            }
            if (step.repeatFirst()) {
                requests.add(requests.get(0));
            }
            List<PostOutcome> outcomes = inTransaction(() -> LEDGER.postAll(requests));
            assertEquals(requests.size(), outcomes.size());
            for (int i = 0; i < step.transfers().size(); i++) {
                Transfer t = step.transfers().get(i);
                UUID from = accounts.get(t.from());
                UUID to = accounts.get(t.to());
                PostOutcome outcome = outcomes.get(i);
                if (from.equals(to)) {
                    assertEquals(LedgerException.INVALID_ENTRY, ((PostOutcome.Refused) outcome).code(), "step " + i);
                } else if (available(from) < t.amount()) {
                    assertEquals(LedgerException.INSUFFICIENT_FUNDS, ((PostOutcome.Refused) outcome).code(), "step " + i);
                } else {
                    entries.add(((PostOutcome.Posted) outcome).entry());
                    move(from, to, t.amount());
                }
            }
            if (step.repeatFirst()) {
                assertEquals(outcomes.get(0), outcomes.get(outcomes.size() - 1), "a key repeated in a batch replays");
            }
        }

        private void placeHold(UUID from, UUID to, long amount) throws Exception {
            HoldRequest request = new HoldRequest("model", UUID.randomUUID().toString(), from, to,
                    Money.of(amount, "EUR"), Instant.now().plusSeconds(3_600), EntryCode.PAYMENT, Map.of());
            Callable<Object> call = () -> HOLDS.hold(request);
            if (from.equals(to)) {
                expectRefusal(LedgerException.INVALID_ENTRY, call);
            } else if (available(from) < amount) {
                expectRefusal(LedgerException.INSUFFICIENT_FUNDS, call);
            } else {
                holds.add((Hold) succeed(call));
                held.merge(from, amount, Long::sum);
            }
        }

        private void capture(Capture step) throws Exception {
            if (holds.isEmpty()) {
                return;
            }
            int index = step.hold() % holds.size();
            Hold hold = holds.get(index);
            String key = UUID.randomUUID().toString();
            Callable<Object> call = () -> HOLDS.capture("model", key, hold.id(), Money.of(step.amount(), "EUR"));
            if (hold.status() != Hold.Status.PENDING) {
                expectRefusal(LedgerException.HOLD_NOT_PENDING, call);
            } else if (step.amount() > hold.amount().minorUnits()) {
                expectRefusal(LedgerException.CAPTURE_EXCEEDS_HOLD, call);
            } else {
                Hold captured = (Hold) succeed(call);
                holds.set(index, captured);
                held.merge(hold.debitAccountId(), -hold.amount().minorUnits(), Long::sum);
                move(hold.debitAccountId(), hold.creditAccountId(), step.amount());
                entries.add(inTransaction(() -> LEDGER.entry(captured.captureEntryId().orElseThrow())).orElseThrow());
            }
        }

        private void voidHold(VoidHold step) throws Exception {
            if (holds.isEmpty()) {
                return;
            }
            int index = step.hold() % holds.size();
            Hold hold = holds.get(index);
            String key = UUID.randomUUID().toString();
            Callable<Object> call = () -> HOLDS.voidHold("model", key, hold.id());
            if (hold.status() != Hold.Status.PENDING) {
                expectRefusal(LedgerException.HOLD_NOT_PENDING, call);
            } else {
                holds.set(index, (Hold) succeed(call));
                held.merge(hold.debitAccountId(), -hold.amount().minorUnits(), Long::sum);
            }
        }

        private void reverse(Reverse step) throws Exception {
            if (entries.isEmpty()) {
                return;
            }
            Entry entry = entries.get(step.entry() % entries.size());
            String key = UUID.randomUUID().toString();
            Callable<Object> call = () -> LEDGER.reverse("model", key, entry.id(), "model check");
            boolean fits = entry.postings().stream().allMatch(p -> available(p.accountId()) - p.amount().minorUnits() >= 0);
            if (reversed.contains(entry)) {
                expectRefusal(LedgerException.ALREADY_REVERSED, call);
            } else if (!fits) {
                expectRefusal(LedgerException.INSUFFICIENT_FUNDS, call);
            } else {
                succeed(call);
                reversed.add(entry);
                for (Posting posting : entry.postings()) {
                    posted.merge(posting.accountId(), -posting.amount().minorUnits(), Long::sum);
                }
            }
        }

        private void replay() throws Exception {
            if (lastCall == null) {
                return;
            }
            Object again = inTransaction(lastCall);
            Object first = lastResult;
            if (first instanceof Entry entry) {
                assertEquals(entry.id(), ((Entry) again).id(), "a replay returns the first entry");
            } else if (first instanceof Hold hold) {
                assertEquals(hold.id(), ((Hold) again).id(), "a replay returns the first hold");
            }
        }

        private void move(UUID from, UUID to, long amount) {
            posted.merge(from, -amount, Long::sum);
            posted.merge(to, amount, Long::sum);
        }

        private Object succeed(Callable<Object> call) throws Exception {
            Object result = inTransaction(call);
            lastCall = call;
            lastResult = result;
            return result;
        }

        private static void expectRefusal(ErrorCode code, Callable<Object> call) throws Exception {
            try {
                inTransaction(call);
                fail("expected the refusal " + code.code());
            } catch (LedgerException e) {
                assertEquals(code, e.errorCode(), e.getMessage());
            }
        }

        void assertBalances() throws Exception {
            for (UUID account : accounts) {
                Balance balance = inTransaction(() -> LEDGER.balance(account));
                assertEquals(posted.get(account), balance.posted().minorUnits(), "posted balance of " + account);
                assertEquals(held.get(account), balance.held().minorUnits(), "held amount of " + account);
            }
        }
    }
}
