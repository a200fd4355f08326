package io.reactivepay.fraud.api;

import java.util.List;

/** The stored result of a screening; {@code ruleSet} is the version of the rules it was decided by. */
public record Decision(String reference, Verdict verdict, int score, List<FiredRule> fired, long ruleSet) {

    public Decision {
        fired = List.copyOf(fired);
    }
}
