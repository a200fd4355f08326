package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.RuleKind;
import java.util.Currency;
import java.util.regex.Pattern;

/** Checks that a rule definition carries exactly what its kind needs, before anything is stored. */
final class RuleValidator {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private RuleValidator() {
    }

    static void check(RuleDefinition rule) {
        require(rule.key() != null && KEY.matcher(rule.key()).matches(), "A rule key is 1 to 64 of a-z, 0-9, '.', '_', '-'");
        require(rule.kind() != null && rule.action() != null, "Kind and action are required");
        require(rule.merchantId() == null || !rule.merchantId().isBlank() && !rule.merchantId().equals(RuleSet.GLOBAL),
                "A merchant id must not be blank or '" + RuleSet.GLOBAL + "'");
        require(rule.score() >= 0 && rule.score() <= 1000, "A score is 0 to 1000");
        require(rule.action() != RuleAction.SCORE || rule.score() > 0, "A scoring rule needs a positive score");
        switch (rule.kind()) {
            case AMOUNT_MIN, AMOUNT_MAX -> {
                requireCurrency(rule);
                requireThreshold(rule);
            }
            case VELOCITY_COUNT, DECLINE_COUNT -> requireVelocity(rule);
            case VELOCITY_SUM -> {
                requireVelocity(rule);
                requireCurrency(rule);
            }
            case BIN_COUNTRY, IP_COUNTRY -> require(!rule.countries().isEmpty()
                    && rule.countries().stream().allMatch(c -> c != null && COUNTRY.matcher(c).matches()),
                    "A country rule needs ISO 3166 alpha-2 countries");
            case COUNTRY_MISMATCH, NEW_CARD, NEW_CUSTOMER -> {
                // nothing to configure
            }
        }
    }

    private static void requireVelocity(RuleDefinition rule) {
        require(rule.velocityKey() != null && rule.window() != null, rule.kind() + " needs a velocity key and a window");
        requireThreshold(rule);
    }

    private static void requireThreshold(RuleDefinition rule) {
        require(rule.threshold() != null && rule.threshold() >= 0, rule.kind() + " needs a threshold of 0 or more");
    }

    private static void requireCurrency(RuleDefinition rule) {
        boolean known;
        try {
            known = rule.currency() != null && Currency.getInstance(rule.currency()).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        require(known, rule.kind() + " needs an ISO 4217 currency");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new FraudException(FraudException.INVALID_RULE, message);
        }
    }

    static boolean isVelocity(RuleKind kind) {
        return kind == RuleKind.VELOCITY_COUNT || kind == RuleKind.VELOCITY_SUM || kind == RuleKind.DECLINE_COUNT;
    }
}
