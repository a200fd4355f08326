package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The current rules and thresholds of one rule-set version, as screening reads them from memory. */
public record RuleSet(long version, List<Rule> global, Map<String, Map<String, Rule>> byMerchant,
                      Map<String, Thresholds> thresholds) {

    public static final String GLOBAL = "*";

    /** The enabled rules for a merchant: the global ones, each replaced by the merchant's own version of its key. */
    public List<Rule> rulesFor(String merchantId) {
        Map<String, Rule> own = byMerchant.getOrDefault(merchantId, Map.of());
        Map<String, Rule> effective = new LinkedHashMap<>();
        for (Rule rule : global) {
            effective.put(rule.definition().key(), own.getOrDefault(rule.definition().key(), rule));
        }
        own.forEach(effective::putIfAbsent);
        List<Rule> enabled = new ArrayList<>();
        for (Rule rule : effective.values()) {
            if (rule.definition().enabled()) {
                enabled.add(rule);
            }
        }
        return enabled;
    }

    public Thresholds thresholdsFor(String merchantId) {
        return thresholds.getOrDefault(merchantId, thresholds.get(GLOBAL));
    }
}
