package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.REVIEWS;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static io.reactivepay.fraud.boundary.RulesIT.rule;
import static io.reactivepay.fraud.boundary.RulesIT.save;
import static io.reactivepay.fraud.boundary.RulesIT.screen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.HeldScreening;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import io.reactivepay.platform.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReviewsIT {

    private static String merchant;

    @BeforeAll
    static void database() throws Exception {
        FraudDatabase.start();
        merchant = unique("m");
        save(rule("amount-max-eur", merchant, RuleKind.AMOUNT_MAX, RuleAction.REVIEW, 0, "EUR", 50_000L, null, null, null));
    }

    private static FraudDatabase.Request large() {
        FraudDatabase.Request request = request(merchant);
        request.amount = Money.of(75_000, "EUR");
        return request;
    }

    private static List<HeldScreening> allHeld() throws Exception {
        List<HeldScreening> all = new ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            int from = offset;
            List<HeldScreening> page = inTransaction(() -> REVIEWS.held(from, 200));
            all.addAll(page);
            if (page.size() < 200) {
                return all;
            }
        }
    }

    private static boolean isHeld(String reference) throws Exception {
        return allHeld().stream().anyMatch(held -> held.decision().reference().equals(reference));
    }

    @Test
    void reviewThenApproveReleasesThePayment() throws Exception {
        FraudDatabase.Request request = large();
        Decision held = screen(request);
        assertEquals(Verdict.REVIEW, held.verdict());
        HeldScreening queued = allHeld().stream().filter(h -> h.decision().reference().equals(request.reference))
                .findFirst().orElseThrow();
        assertEquals(Money.of(75_000, "EUR"), queued.amount());
        assertEquals(merchant, queued.merchantId());

        Decision approved = inTransaction(() -> REVIEWS.decide(request.reference, Verdict.ALLOW, "customer confirmed by phone",
                "risk:rita"));
        assertEquals(Verdict.ALLOW, approved.verdict());
        assertEquals(held.fired(), approved.fired());
        assertFalse(isHeld(request.reference));
        assertEquals(Verdict.ALLOW, inTransaction(() -> SCREENING.find(request.reference)).orElseThrow().verdict());
        assertEquals(1, Expect.count("SELECT count(*) FROM accounts.audit_log WHERE action = 'fraud.review.approved' "
                + "AND object_id = '" + request.reference + "' AND actor = 'risk:rita'"));
        assertEquals(1, Expect.count("SELECT count(*) FROM fraud.screening WHERE status = 'APPROVED' AND reference = '"
                + request.reference + "' AND review_note = 'customer confirmed by phone'"));
        Expect.refused(FraudException.NOT_HELD, () -> REVIEWS.decide(request.reference, Verdict.DECLINE, "changed my mind", "risk:rita"));
    }

    @Test
    void aReviewersDeclineCountsForTheDeclineCountRules() throws Exception {
        save(rule("declines-card-day", merchant, RuleKind.DECLINE_COUNT, RuleAction.DECLINE, 0, null, 0L, VelocityKey.CARD,
                TimeWindow.DAY, null));
        FraudDatabase.Request request = large();
        assertEquals(Verdict.REVIEW, screen(request).verdict());
        assertEquals(Verdict.DECLINE, inTransaction(() -> REVIEWS.decide(request.reference, Verdict.DECLINE, "stolen card",
                "risk:rita")).verdict());
        FraudDatabase.Request again = request(merchant);
        again.cardToken = request.cardToken;
        assertEquals(Verdict.DECLINE, screen(again).verdict());
        assertTrue(Expect.count("SELECT count(*) FROM accounts.audit_log WHERE action = 'fraud.review.declined' AND object_id = '"
                + request.reference + "'") == 1);
    }

    @Test
    void onlyHeldScreeningsWithANoteCanBeDecided() throws Exception {
        FraudDatabase.Request allowed = request(merchant);
        screen(allowed);
        Expect.refused(FraudException.NOT_HELD, () -> REVIEWS.decide(allowed.reference, Verdict.ALLOW, "ok", "risk:rita"));
        Expect.refused(FraudException.SCREENING_NOT_FOUND, () -> REVIEWS.decide(unique("nope"), Verdict.ALLOW, "ok", "risk:rita"));
        FraudDatabase.Request held = large();
        screen(held);
        Expect.refused(FraudException.INVALID_REQUEST, () -> REVIEWS.decide(held.reference, Verdict.ALLOW, " ", "risk:rita"));
        Expect.refused(FraudException.INVALID_REQUEST, () -> REVIEWS.decide(held.reference, Verdict.REVIEW, "hmm", "risk:rita"));
        Expect.refused(FraudException.INVALID_REQUEST, () -> REVIEWS.held(0, 0));
        assertTrue(isHeld(held.reference));
    }
}
