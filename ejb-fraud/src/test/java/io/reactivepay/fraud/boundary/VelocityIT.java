package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.CLOCK;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static io.reactivepay.fraud.boundary.RulesIT.rule;
import static io.reactivepay.fraud.boundary.RulesIT.save;
import static io.reactivepay.fraud.boundary.RulesIT.screen;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Velocity windows at their boundaries, and limits that hold when screenings of one party run at once. */
class VelocityIT {

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
    }

    @AfterEach
    void halfPastTen() {
        CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
    }

    /** Screens in a transaction that is rolled back: the decision, with nothing counted or stored. */
    static Decision probe(FraudDatabase.Request request) throws Exception {
        AtomicReference<Decision> decision = new AtomicReference<>();
        try {
            inTransaction(() -> {
                decision.set(SCREENING.screen(request.build()));
                throw new IllegalStateException("roll back the probe");
            });
        } catch (IllegalStateException rolledBack) {
            assertEquals("roll back the probe", rolledBack.getMessage());
        }
        return decision.get();
    }

    @Test
    void concurrentScreeningsOfOneCardAllowExactlyTheLimit() throws Exception {
        String merchant = unique("m");
        save(rule("velocity-card-hour", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, null, 4L,
                VelocityKey.CARD, TimeWindow.HOUR, null));
        String card = unique("tok");
        int threads = 12;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Verdict> verdicts = new ArrayList<>();
        try {
            List<Future<List<Verdict>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    List<Verdict> mine = new ArrayList<>();
                    for (int round = 0; round < 2; round++) {
                        FraudDatabase.Request request = request(merchant);
                        request.cardToken = card;
                        start.await();
                        mine.add(inTransaction(() -> SCREENING.screen(request.build())).verdict());
                    }
                    return mine;
                }));
            }
            for (Future<List<Verdict>> run : runs) {
                verdicts.addAll(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, verdicts.stream().filter(v -> v == Verdict.ALLOW).count(), verdicts.toString());
        assertEquals(20, verdicts.stream().filter(v -> v == Verdict.DECLINE).count(), verdicts.toString());
    }

    @Test
    void aWindowHoldsTheCurrentHourAndTheWholeHoursBeforeIt() throws Exception {
        for (TimeWindow window : TimeWindow.values()) {
            String merchant = unique("m");
            save(rule("device-window", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, null, 1L,
                    VelocityKey.DEVICE, window, null));
            String early = unique("dev");
            String late = unique("dev");
            Instant hour = Instant.parse("2026-11-02T10:00:00Z");
            CLOCK.set(hour);
            assertEquals(Verdict.ALLOW, RulesIT.verdict(merchant, r -> r.device = early));
            CLOCK.set(hour.plusSeconds(3_599));
            assertEquals(Verdict.ALLOW, RulesIT.verdict(merchant, r -> r.device = late));

            Instant lastInside = hour.plus(Duration.ofHours(window.hours() + 1)).minusMillis(1);
            for (String device : List.of(early, late)) {
                CLOCK.set(lastInside);
                FraudDatabase.Request again = request(merchant);
                again.device = device;
                assertEquals(Verdict.DECLINE, probe(again).verdict(), window + " at " + lastInside);
                CLOCK.set(lastInside.plusMillis(1));
                assertEquals(Verdict.ALLOW, probe(again).verdict(), window + " at " + lastInside.plusMillis(1));
            }
        }
    }

    @Test
    void aRepeatedReferenceCountsNothingAgain() throws Exception {
        String merchant = unique("m");
        save(rule("velocity-card-hour", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, null, 1L,
                VelocityKey.CARD, TimeWindow.HOUR, null));
        FraudDatabase.Request first = request(merchant);
        Decision decision = screen(first);
        assertEquals(Verdict.ALLOW, decision.verdict());
        FraudDatabase.Request second = request(merchant);
        second.cardToken = first.cardToken;
        List<Decision> batch = inTransaction(() -> SCREENING.screenAll(List.of(first.build(), second.build(), first.build())));
        assertEquals(List.of(decision, batch.get(1), decision), batch);
        assertEquals(Verdict.DECLINE, batch.get(1).verdict(), "the card's second payment");
        assertEquals(2, Expect.count("SELECT sum(hits) FROM fraud.velocity WHERE dimension = 'CARD' AND key_hash = "
                + "(SELECT key_hashes[array_position(dimensions, 'CARD')] FROM fraud.screening WHERE reference = '"
                + first.reference + "')"));
    }
}
