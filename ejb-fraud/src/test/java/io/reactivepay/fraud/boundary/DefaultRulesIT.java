package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.CLOCK;
import static io.reactivepay.fraud.boundary.FraudDatabase.RULES;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static io.reactivepay.fraud.boundary.RulesIT.screen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rule set a new installation (and the embedded demo) starts with does what a risk manager expects. */
class DefaultRulesIT {

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
        CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
    }

    @Test
    void everyInstallationStartsWithTheDefaultRules() throws Exception {
        List<Rule> global = inTransaction(RULES::current).stream().filter(r -> r.definition().merchantId() == null).toList();
        assertTrue(global.stream().filter(r -> r.createdBy().equals("system")).count() >= 15, global.toString());
    }

    @Test
    void aLargePaymentIsHeldForReview() throws Exception {
        FraudDatabase.Request request = request(unique("m"));
        request.amount = Money.of(1_000_001, "EUR");
        assertEquals(Verdict.REVIEW, screen(request).verdict());
        request = request(unique("m"));
        request.amount = Money.of(1_000_000, "EUR");
        assertEquals(Verdict.ALLOW, screen(request).verdict());
    }

    @Test
    void aNewCardUsedSixTimesInAnHourIsHeld() throws Exception {
        String merchant = unique("m");
        String card = unique("tok");
        Decision last = null;
        for (int i = 0; i < 6; i++) {
            FraudDatabase.Request request = request(merchant);
            request.cardToken = card;
            request.newCard = true;
            last = screen(request);
            if (i < 5) {
                assertEquals(Verdict.ALLOW, last.verdict());
            }
        }
        assertEquals(Verdict.REVIEW, last.verdict());
        assertEquals(Set.of("velocity-card-hour", "new-card"), last.fired().stream().map(FiredRule::ruleKey).collect(Collectors.toSet()));
    }

    @Test
    void aCardDeclinedFourTimesTodayIsDeclined() throws Exception {
        String merchant = unique("m");
        String card = unique("tok");
        RulesIT.allowedThenDeclined(merchant, card, 4);
        FraudDatabase.Request request = request(merchant);
        request.cardToken = card;
        assertEquals(Verdict.DECLINE, screen(request).verdict());
    }
}
