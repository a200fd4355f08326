package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.RULES;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.VelocityKey;
import io.reactivepay.platform.money.Money;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BadInputIT {

    private static final String STATE = "SELECT (SELECT count(*) FROM fraud.screening) + (SELECT coalesce(sum(hits + declines), 0) "
            + "FROM fraud.velocity) + (SELECT count(*) FROM fraud.rule) + (SELECT version FROM fraud.rule_set) "
            + "+ (SELECT count(*) FROM accounts.audit_log)";

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
    }

    private static void refusedRequest(Consumer<FraudDatabase.Request> change) {
        FraudDatabase.Request request = request(unique("m"));
        change.accept(request);
        Expect.refused(FraudException.INVALID_REQUEST, () -> SCREENING.screen(request.build()));
    }

    @Test
    void badScreeningRequestsAreRefusedWithoutEffect() throws Exception {
        long before = Expect.count(STATE);
        Expect.refused(FraudException.INVALID_REQUEST, () -> SCREENING.screen(null));
        refusedRequest(r -> r.amount = null);
        refusedRequest(r -> r.amount = Money.of(-1, "EUR"));
        refusedRequest(r -> r.amount = Money.of(0, "EUR"));
        refusedRequest(r -> r.merchant = null);
        refusedRequest(r -> r.reference = " ");
        refusedRequest(r -> r.kind = null);
        refusedRequest(r -> r.bin = "4111");
        refusedRequest(r -> r.binCountry = "Germany");
        refusedRequest(r -> r.email = "not-an-email");
        refusedRequest(r -> r.phone = "0800 FRAUD");
        refusedRequest(r -> r.ip = "evil.example.com");
        refusedRequest(r -> r.fingerprint = "short");
        assertEquals(before, Expect.count(STATE));
    }

    @Test
    void badRulesAndThresholdsAreRefusedWithoutEffect() throws Exception {
        long before = Expect.count(STATE);
        String merchant = unique("m");
        List<RuleDefinition> bad = List.of(
                new RuleDefinition("amount-max", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, true, null, 100L, null, null, null),
                new RuleDefinition("amount-max", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, true, "XXX", 100L, null, null, null),
                new RuleDefinition("amount-max", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, true, "EUR", -1L, null, null, null),
                new RuleDefinition("Amount Max", merchant, RuleKind.AMOUNT_MAX, RuleAction.DECLINE, 0, true, "EUR", 100L, null, null, null),
                new RuleDefinition("card-hour", merchant, RuleKind.VELOCITY_COUNT, RuleAction.DECLINE, 0, true, null, 5L,
                        VelocityKey.CARD, null, null),
                new RuleDefinition("card-sum", merchant, RuleKind.VELOCITY_SUM, RuleAction.DECLINE, 0, true, null, 5L,
                        VelocityKey.CARD, TimeWindow.DAY, null),
                new RuleDefinition("bin-country", merchant, RuleKind.BIN_COUNTRY, RuleAction.SCORE, 10, true, null, null, null, null,
                        Set.of("Germany")),
                new RuleDefinition("ip-country", merchant, RuleKind.IP_COUNTRY, RuleAction.SCORE, 10, true, null, null, null, null, Set.of()),
                new RuleDefinition("new-card", merchant, RuleKind.NEW_CARD, RuleAction.SCORE, 0, true, null, null, null, null, null),
                new RuleDefinition("new-card", merchant, RuleKind.NEW_CARD, RuleAction.SCORE, 1001, true, null, null, null, null, null),
                new RuleDefinition("new-card", merchant, null, RuleAction.SCORE, 10, true, null, null, null, null, null),
                new RuleDefinition("new-card", "*", RuleKind.NEW_CARD, RuleAction.SCORE, 10, true, null, null, null, null, null));
        for (RuleDefinition definition : bad) {
            Expect.refused(FraudException.INVALID_RULE, () -> RULES.save(definition, "risk:rita"));
        }
        Expect.refused(FraudException.INVALID_RULE, () -> new Thresholds(merchant, 0, 10));
        Expect.refused(FraudException.INVALID_RULE, () -> new Thresholds(merchant, 50, 40));
        assertEquals(before, Expect.count(STATE));
    }
}
