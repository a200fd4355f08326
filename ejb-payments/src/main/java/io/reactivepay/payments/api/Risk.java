package io.reactivepay.payments.api;

import java.util.List;
import java.util.Objects;

/** Fraud screening's decision on a payment: allow, review or decline, the total score and the rules that fired. */
public record Risk(String verdict, int score, List<Rule> rules) {

    public Risk {
        Objects.requireNonNull(verdict, "verdict");
        rules = List.copyOf(rules);
    }

    public record Rule(String key, int score) {
    }
}
