package io.reactivepay.fraud.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenerDecisionTest {

    private static final Thresholds THRESHOLDS = new Thresholds(null, 50, 100);

    private static Verdict verdict(FiredRule... fired) {
        return Screener.decide("ref", List.of(fired), THRESHOLDS, 1).verdict();
    }

    private static FiredRule scoring(int score) {
        return new FiredRule("r" + score, 1, RuleAction.SCORE, score, "");
    }

    @Test
    void theTotalScoreMeetsTheThresholdsInclusively() {
        assertEquals(Verdict.ALLOW, verdict());
        assertEquals(Verdict.ALLOW, verdict(scoring(49)));
        assertEquals(Verdict.REVIEW, verdict(scoring(20), scoring(30)));
        assertEquals(Verdict.REVIEW, verdict(scoring(99)));
        assertEquals(Verdict.DECLINE, verdict(scoring(60), scoring(40)));
    }

    @Test
    void theStricterOfForcedActionAndScoreWins() {
        assertEquals(Verdict.REVIEW, verdict(new FiredRule("large", 1, RuleAction.REVIEW, 0, "")));
        assertEquals(Verdict.DECLINE, verdict(new FiredRule("large", 1, RuleAction.REVIEW, 0, ""), scoring(100)));
        assertEquals(Verdict.DECLINE, verdict(new FiredRule("black", 0, RuleAction.DECLINE, 0, ""), scoring(1)));
    }
}
