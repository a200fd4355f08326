package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.CLOCK;
import static io.reactivepay.fraud.boundary.FraudDatabase.RULES;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import io.reactivepay.fraud.control.RuleCache;
import io.reactivepay.fraud.control.RuleStore;
import io.reactivepay.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RulesIT {

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
    }

    @BeforeEach
    void halfPastTen() {
        CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
    }

    static Rule save(RuleDefinition definition) throws Exception {
        return inTransaction(() -> RULES.save(definition, "risk:rita"));
    }

    static RuleDefinition rule(String key, String merchant, RuleKind kind, RuleAction action, int score, String currency,
                               Long threshold, VelocityKey velocityKey, TimeWindow window, Set<String> countries) {
        return new RuleDefinition(key, merchant, kind, action, score, true, currency, threshold, velocityKey, window, countries);
    }

    static Decision screen(FraudDatabase.Request request) throws Exception {
        return inTransaction(() -> SCREENING.screen(request.build()));
    }

    /** The verdict on a fresh request of the merchant, changed as the test says. */
    static Verdict verdict(String merchant, Consumer<FraudDatabase.Request> change) throws Exception {
        return screen(merchant, change).verdict();
    }

    static Decision screen(String merchant, Consumer<FraudDatabase.Request> change) throws Exception {
        FraudDatabase.Request request = request(merchant);
        change.accept(request);
        return screen(request);
    }

    /** Screens the card the given number of times, each allowed and then declined by the acquirer. */
    static void allowedThenDeclined(String merchant, String card, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            FraudDatabase.Request request = request(merchant);
            request.cardToken = card;
            assertEquals(Verdict.ALLOW, screen(request).verdict(), "after " + i + " declines");
            inTransaction(() -> {
                SCREENING.recordDecline(request.reference);
                return null;
            });
        }
    }

    private static List<String> fired(Decision decision) {
        return decision.fired().stream().map(FiredRule::ruleKey).toList();
    }

    @Test
    void plainRequestIsAllowedStoredAndScreenedOnlyOnce() throws Exception {
        FraudDatabase.Request request = request(unique("m"));
        Decision first = screen(request);
        assertEquals(Verdict.ALLOW, first.verdict());
        assertEquals(0, first.score());
        assertEquals(first, screen(request));
        assertEquals(first, inTransaction(() -> SCREENING.find(request.reference)).orElseThrow());
        assertEquals(1, Expect.count("SELECT count(*) FROM fraud.screening WHERE reference = '" + request.reference + "'"));
        assertEquals(1, Expect.count("SELECT sum(hits) FROM fraud.velocity WHERE dimension = 'MERCHANT' AND key_hash = "
                + "(SELECT key_hashes[array_position(dimensions, 'MERCHANT')] FROM fraud.screening WHERE reference = '"
                + request.reference + "')"));
    }

    @Test
    void amountRulesFireStrictlyOutsideTheirLimitsInTheirCurrencyOnly() throws Exception {
        String merchant = unique("m");
        save(rule("amount-max-eur", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, "EUR", 5_000L, null, null, null));
        save(rule("amount-min-eur", merchant, RuleKind.AMOUNT_MIN, RuleAction.REVIEW, 0, "EUR", 100L, null, null, null));
        assertEquals(Verdict.ALLOW, verdict(merchant, r -> r.amount = Money.of(5_000, "EUR")));
        FraudDatabase.Request request = request(merchant);
        request.amount = Money.of(5_001, "EUR");
        Decision over = screen(request);
        assertEquals(Verdict.DECLINE, over.verdict());
        assertEquals(List.of("amount-max-eur"), fired(over));
        assertEquals(Verdict.ALLOW, verdict(merchant, r -> r.amount = Money.of(100, "EUR")));
        assertEquals(Verdict.REVIEW, verdict(merchant, r -> r.amount = Money.of(99, "EUR")));
        assertEquals(Verdict.ALLOW, verdict(merchant, r -> r.amount = Money.of(99, "JPY")));
    }

    @Test
    void velocityBurstFromOneCardIsDeclinedWhileOtherCardsPass() throws Exception {
        String merchant = unique("m");
        save(rule("velocity-card-hour", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, null, 3L,
                VelocityKey.CARD, TimeWindow.HOUR, null));
        String card = unique("tok");
        for (int i = 1; i <= 3; i++) {
            FraudDatabase.Request request = request(merchant);
            request.cardToken = card;
            assertEquals(Verdict.ALLOW, screen(request).verdict(), "payment " + i + " of the card");
        }
        FraudDatabase.Request fourth = request(merchant);
        fourth.cardToken = card;
        Decision declined = screen(fourth);
        assertEquals(Verdict.DECLINE, declined.verdict());
        assertEquals(List.of("velocity-card-hour"), fired(declined));
        for (int i = 0; i < 5; i++) {
            assertEquals(Verdict.ALLOW, screen(request(merchant)).verdict(), "another card");
        }
    }

    @Test
    void velocitySumCountsThisPaymentAndOnlyItsCurrency() throws Exception {
        String merchant = unique("m");
        save(rule("email-sum-day", merchant, RuleKind.VELOCITY_SUM, RuleAction.SCORE, 60, "EUR", 10_000L,
                VelocityKey.EMAIL, TimeWindow.DAY, null));
        String email = unique("Sum") + "@Example.com";
        for (long amount : new long[] {4_000, 6_000}) {
            FraudDatabase.Request request = request(merchant);
            request.email = email;
            request.amount = Money.of(amount, "EUR");
            assertEquals(Verdict.ALLOW, screen(request).verdict());
        }
        FraudDatabase.Request usd = request(merchant);
        usd.email = email;
        usd.amount = Money.of(50_000, "USD");
        assertEquals(Verdict.ALLOW, screen(usd).verdict());
        FraudDatabase.Request over = request(merchant);
        over.email = email.toLowerCase();
        over.amount = Money.of(1, "EUR");
        Decision decision = screen(over);
        assertEquals(Verdict.REVIEW, decision.verdict());
        assertEquals(60, decision.score());
    }

    @Test
    void windowsSlideWithTheClock() throws Exception {
        String merchant = unique("m");
        save(rule("device-hour", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, null, 1L,
                VelocityKey.DEVICE, TimeWindow.HOUR, null));
        save(rule("device-week", merchant, RuleKind.VELOCITY_COUNT, RuleAction.REVIEW, 0, null, 2L,
                VelocityKey.DEVICE, TimeWindow.WEEK, null));
        String device = unique("dev");
        Consumer<FraudDatabase.Request> sameDevice = r -> r.device = device;
        assertEquals(Verdict.ALLOW, verdict(merchant, sameDevice));
        // 10:50: the one at 10:30 is inside the hour
        CLOCK.set(Instant.parse("2026-11-25T10:50:00Z"));
        assertEquals(Verdict.DECLINE, verdict(merchant, sameDevice));
        // 11:20: the window is the 11:xx hour so far and the whole 10:xx hour: 2 + 1 > 1
        CLOCK.set(Instant.parse("2026-11-25T11:20:00Z"));
        Decision decision = screen(merchant, sameDevice);
        assertEquals(Verdict.DECLINE, decision.verdict());
        assertEquals(List.of("device-hour", "device-week"), fired(decision));
        // two hours later the hour window is empty, the week still holds three
        CLOCK.set(Instant.parse("2026-11-25T13:00:00Z"));
        decision = screen(merchant, sameDevice);
        assertEquals(List.of("device-week"), fired(decision));
        assertEquals(Verdict.REVIEW, decision.verdict());
        // eight days later the week has passed too
        CLOCK.set(Instant.parse("2026-12-03T13:00:00Z"));
        assertEquals(Verdict.ALLOW, verdict(merchant, sameDevice));
    }

    @Test
    void countryRulesFireOnTheirCountriesAndOnAMismatch() throws Exception {
        String merchant = unique("m");
        save(rule("bin-country", merchant, RuleKind.BIN_COUNTRY, RuleAction.SCORE, 30, null, null, null, null, Set.of("NG", "KP")));
        save(rule("ip-country", merchant, RuleKind.IP_COUNTRY, RuleAction.DECLINE, 0, null, null, null, null, Set.of("KP")));
        save(rule("country-mismatch", merchant, RuleKind.COUNTRY_MISMATCH, RuleAction.SCORE, 25, null, null, null, null, null));
        assertEquals(0, screen(merchant, r -> {
            r.binCountry = "DE";
            r.ipCountry = "DE";
        }).score());
        Decision decision = screen(merchant, r -> {
            r.binCountry = "NG";
            r.ipCountry = "DE";
        });
        assertEquals(55, decision.score());
        assertEquals(Verdict.REVIEW, decision.verdict());
        assertEquals(0, screen(merchant, r -> r.binCountry = "DE").score(), "no IP country, no mismatch");
        assertEquals(Verdict.DECLINE, verdict(merchant, r -> r.ipCountry = "KP"));
    }

    @Test
    void newCardAndCustomerScoreAgainstTheMerchantsThresholds() throws Exception {
        String merchant = unique("m");
        Consumer<FraudDatabase.Request> newCardAndCustomer = r -> {
            r.newCard = true;
            r.newCustomer = true;
        };
        Decision defaults = screen(merchant, newCardAndCustomer);
        assertEquals(20, defaults.score(), "the default new-card and new-customer rules");
        assertEquals(Verdict.ALLOW, defaults.verdict());
        inTransaction(() -> {
            RULES.setThresholds(new Thresholds(merchant, 20, 30), "risk:rita");
            return null;
        });
        assertEquals(Verdict.REVIEW, verdict(merchant, newCardAndCustomer));
        assertEquals(Verdict.ALLOW, verdict(merchant, r -> r.newCard = true));
    }

    @Test
    void declineCountRuleCountsDeclinesAfterScreening() throws Exception {
        String merchant = unique("m");
        save(rule("declines-card-day", merchant, RuleKind.DECLINE_COUNT, RuleAction.DECLINE, 0, null, 1L,
                VelocityKey.CARD, TimeWindow.DAY, null));
        String card = unique("tok");
        allowedThenDeclined(merchant, card, 2);
        FraudDatabase.Request third = request(merchant);
        third.cardToken = card;
        assertEquals(Verdict.DECLINE, screen(third).verdict());
    }

    @Test
    void aChangeIsANewVersionTheOldOneKeptAndAudited() throws Exception {
        String merchant = unique("m");
        long audited = Expect.count("SELECT count(*) FROM accounts.audit_log WHERE action = 'fraud.rule.saved'");
        Rule first = save(rule("amount-max-eur", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, "EUR", 5_000L, null, null, null));
        Rule second = save(rule("amount-max-eur", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, "EUR", 7_000L, null, null, null));
        assertEquals(1, first.version());
        assertEquals(2, second.version());
        List<Rule> history = inTransaction(() -> RULES.history("amount-max-eur", merchant));
        assertEquals(List.of(1, 2), history.stream().map(Rule::version).toList());
        assertFalse(history.get(0).current());
        assertEquals(5_000L, history.get(0).definition().threshold());
        assertEquals(audited + 2, Expect.count("SELECT count(*) FROM accounts.audit_log WHERE action = 'fraud.rule.saved'"));
        FraudDatabase.Request request = request(merchant);
        request.amount = Money.of(6_000, "EUR");
        Decision decision = screen(request);
        assertEquals(Verdict.ALLOW, decision.verdict());
        assertTrue(inTransaction(RULES::current).contains(second));
    }

    @Test
    void aMerchantSwitchesAGlobalRuleOff() throws Exception {
        String merchant = unique("m");
        save(new RuleDefinition("new-card", merchant, RuleKind.NEW_CARD, RuleAction.SCORE, 10, false, null, null, null, null, null));
        FraudDatabase.Request request = request(merchant);
        request.newCard = true;
        assertEquals(0, screen(request).score());
        FraudDatabase.Request other = request(unique("m"));
        other.newCard = true;
        assertEquals(10, screen(other).score());
    }

    @Test
    void anotherServerSeesAChangeWithinASecond() throws Exception {
        RuleCache otherServer = new RuleCache(new RuleStore(), CLOCK);
        long before = inTransaction(() -> otherServer.rules(TestDatabase.DATA_SOURCE.getConnection())).version();
        save(rule("ip-country", unique("m"), RuleKind.IP_COUNTRY, RuleAction.SCORE, 5, null, null, null, null, Set.of("FR")));
        assertEquals(before, inTransaction(() -> otherServer.rules(TestDatabase.DATA_SOURCE.getConnection())).version(),
                "checked less than a second ago");
        CLOCK.advance(Duration.ofMillis(1_001));
        assertTrue(inTransaction(() -> otherServer.rules(TestDatabase.DATA_SOURCE.getConnection())).version() > before);
    }
}
