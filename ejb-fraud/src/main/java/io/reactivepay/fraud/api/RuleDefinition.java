package io.reactivepay.fraud.api;

import java.util.Set;

/**
 * A rule as a risk manager writes it. {@code merchantId} null means every merchant; a merchant's
 * definition of a key replaces the global one for that merchant. Fields a kind does not use are null
 * (or empty); {@link RuleKind} says which it needs.
 */
public record RuleDefinition(String key, String merchantId, RuleKind kind, RuleAction action, int score,
                             boolean enabled, String currency, Long threshold, VelocityKey velocityKey,
                             TimeWindow window, Set<String> countries) {

    public RuleDefinition {
        countries = countries == null ? Set.of() : Set.copyOf(countries);
    }
}
