package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.VelocityKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which rules fire for a request. Limits are the most allowed: an amount rule fires strictly
 * below its minimum or above its maximum, a velocity rule when the count or sum including this request
 * goes above its threshold, a decline-count rule when earlier declines go above it. Windows are those of
 * {@link VelocityCounters}, as they stood before this request.
 */
final class RuleEvaluator {

    private RuleEvaluator() {
    }

    static List<FiredRule> evaluate(List<Rule> rules, ScreeningRequest request, Map<VelocityKey, String> parties,
                                    Map<VelocityKey, VelocityCounters.Tally> windows) {
        List<FiredRule> fired = new ArrayList<>();
        for (Rule rule : rules) {
            String detail = fires(rule.definition(), request, parties, windows);
            if (detail != null) {
                RuleDefinition definition = rule.definition();
                fired.add(new FiredRule(definition.key(), rule.version(), definition.action(), definition.score(), detail));
            }
        }
        return fired;
    }

    /** Why the rule fires, or null if it does not. */
    private static String fires(RuleDefinition rule, ScreeningRequest request, Map<VelocityKey, String> parties,
                                Map<VelocityKey, VelocityCounters.Tally> windows) {
        long amount = request.amount().minorUnits();
        boolean sameCurrency = request.amount().currency().getCurrencyCode().equals(rule.currency());
        return switch (rule.kind()) {
            case AMOUNT_MIN -> sameCurrency && amount < rule.threshold() ? "amount " + amount + " < " + rule.threshold() : null;
            case AMOUNT_MAX -> sameCurrency && amount > rule.threshold() ? "amount " + amount + " > " + rule.threshold() : null;
            case VELOCITY_COUNT -> above(rule, parties, tally(windows, rule) == null ? 1
                    : tally(windows, rule).hits[rule.window().ordinal()] + 1);
            case VELOCITY_SUM -> sameCurrency ? above(rule, parties, tally(windows, rule) == null ? amount
                    : tally(windows, rule).sum(rule.currency(), rule.window()) + amount) : null;
            case DECLINE_COUNT -> above(rule, parties, tally(windows, rule) == null ? 0
                    : tally(windows, rule).declines[rule.window().ordinal()]);
            case BIN_COUNTRY -> in(rule, request.binCountry()) ? "BIN country " + request.binCountry() : null;
            case IP_COUNTRY -> in(rule, request.ipCountry()) ? "IP country " + request.ipCountry() : null;
            case COUNTRY_MISMATCH -> request.binCountry() != null && request.ipCountry() != null
                    && !request.binCountry().equals(request.ipCountry())
                    ? "BIN country " + request.binCountry() + " != IP country " + request.ipCountry() : null;
            case NEW_CARD -> request.newCard() ? "new card" : null;
            case NEW_CUSTOMER -> request.newCustomer() ? "new customer" : null;
        };
    }

    private static boolean in(RuleDefinition rule, String country) {
        return country != null && rule.countries().contains(country);
    }

    private static VelocityCounters.Tally tally(Map<VelocityKey, VelocityCounters.Tally> windows, RuleDefinition rule) {
        return windows.get(rule.velocityKey());
    }

    private static String above(RuleDefinition rule, Map<VelocityKey, String> parties, long value) {
        if (!parties.containsKey(rule.velocityKey()) || value <= rule.threshold()) {
            return null;
        }
        return rule.velocityKey() + " " + rule.kind() + " over " + rule.window() + " " + value + " > "
                + rule.threshold();
    }
}
