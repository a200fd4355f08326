package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.LISTS;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static io.reactivepay.fraud.boundary.RulesIT.rule;
import static io.reactivepay.fraud.boundary.RulesIT.save;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.ListEntryRequest;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A batch screened at once decides as the same requests screened one by one. */
class ScreenAllIT {

    private static String blackListed;

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
        FraudDatabase.CLOCK.set(Instant.parse("2026-11-25T10:30:00Z"));
        blackListed = unique("stolen") + "@example.com";
        inTransaction(() -> LISTS.add(new ListEntryRequest(ListType.BLACK, PartyKind.EMAIL, blackListed, "test", null, false),
                "risk:rita"));
    }

    private record Outcome(Verdict verdict, int score, List<FiredRule> fired) {

        static Outcome of(Decision decision) {
            return new Outcome(decision.verdict(), decision.score(), decision.fired());
        }
    }

    private static String merchantWithRules() throws Exception {
        String merchant = unique("m");
        save(rule("card-hour", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, null, 2L, VelocityKey.CARD,
                TimeWindow.HOUR, null));
        save(rule("email-declines", merchant, RuleKind.DECLINE_COUNT, RuleAction.SCORE, 60, null, 0L, VelocityKey.EMAIL,
                TimeWindow.DAY, null));
        save(rule("email-sum", merchant, RuleKind.VELOCITY_SUM, RuleAction.SCORE, 60, "EUR", 5_000L, VelocityKey.EMAIL,
                TimeWindow.DAY, null));
        return merchant;
    }

    /** Ten requests of one merchant whose decisions depend on the ones before them. */
    private static List<ScreeningRequest> sequence(String merchant) {
        String party = unique("p");
        List<FraudDatabase.Request> requests = new ArrayList<>();
        String[][] cardAndEmail = {{"c1", "e1"}, {"c1", "e1"}, {"c1", "e1"}, {"c2", "e1"}, {"c2", "e2"}, {"c3", "e2"},
                {"c2", "e1"}, {"c4", "black"}, {"c1", "e3"}, {"c5", "e4"}};
        long[] amounts = {1_000, 1_000, 1_000, 1_000, 4_000, 2_000, 1_000, 1_000, 1_000, 1_000};
        for (int i = 0; i < cardAndEmail.length; i++) {
            FraudDatabase.Request request = request(merchant);
            request.cardToken = "tok-" + party + "-" + cardAndEmail[i][0];
            request.email = cardAndEmail[i][1].equals("black") ? blackListed : cardAndEmail[i][1] + "-" + party + "@example.com";
            request.amount = Money.of(amounts[i], "EUR");
            requests.add(request);
        }
        requests.get(6).reference = requests.get(1).reference;
        return requests.stream().map(FraudDatabase.Request::build).toList();
    }

    @Test
    void aBatchDecidesAsOneByOne() throws Exception {
        List<Outcome> oneByOne = new ArrayList<>();
        for (ScreeningRequest request : sequence(merchantWithRules())) {
            oneByOne.add(Outcome.of(inTransaction(() -> SCREENING.screen(request))));
        }
        String merchant = merchantWithRules();
        List<Outcome> batch = inTransaction(() -> SCREENING.screenAll(sequence(merchant))).stream().map(Outcome::of).toList();

        assertEquals(List.of(Verdict.ALLOW, Verdict.ALLOW, Verdict.DECLINE, Verdict.REVIEW, Verdict.ALLOW, Verdict.REVIEW,
                Verdict.ALLOW, Verdict.DECLINE, Verdict.DECLINE, Verdict.ALLOW), oneByOne.stream().map(Outcome::verdict).toList());
        assertEquals(oneByOne, batch);
        assertEquals(9, Expect.count("SELECT count(*) FROM fraud.screening WHERE merchant_id = '" + merchant + "'"));
    }

    @Test
    void anEmptyBatchDecidesNothing() throws Exception {
        assertEquals(List.of(), inTransaction(() -> SCREENING.screenAll(List.of())));
    }
}
