package io.reactivepay.fraud.api;

import java.time.Instant;

/** One stored version of a rule. */
public record Rule(RuleDefinition definition, int version, boolean current, String createdBy, Instant createdAt) {
}
