package io.reactivepay.fraud.api;

/** A rule (or list entry, key {@code list.<type>.<kind>}) that fired, with what it added to the decision. */
public record FiredRule(String ruleKey, int version, RuleAction action, int score, String detail) {
}
