/**
 * Fraud prevention and traffic filtering: rules, black and white lists, velocity counters, scoring and
 * decisions, the review queue and request rate limits.
 * <p>
 * Invariants: every payment, top-up and transfer is screened before money moves, inside the caller's
 * transaction; a decision records the rules that fired; list and rule changes are audited.
 */
package io.reactivepay.fraud;
