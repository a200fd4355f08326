package io.reactivepay.fraud.api;

import java.util.Set;

/**
 * A new list entry. A white entry skips the named rule keys (none named: every rule) and, with
 * {@code overridesBlack}, also beats black entries of other kinds that match the same request.
 */
public record ListEntryRequest(ListType type, PartyKind kind, String value, String reason, Set<String> skippedRules,
                               boolean overridesBlack) {

    public ListEntryRequest {
        skippedRules = skippedRules == null ? Set.of() : Set.copyOf(skippedRules);
        FraudException.require(type != null && kind != null, FraudException.INVALID_LIST_ENTRY, "Type and kind are required");
        FraudException.require(value != null && !value.isBlank() && value.length() <= 200, FraudException.INVALID_LIST_ENTRY,
                "A value of 1 to 200 characters is required");
        FraudException.require(reason != null && !reason.isBlank(), FraudException.INVALID_LIST_ENTRY, "A reason is required");
        FraudException.require(type == ListType.WHITE || (skippedRules.isEmpty() && !overridesBlack),
                FraudException.INVALID_LIST_ENTRY, "Only a white entry skips rules or overrides black entries");
    }
}
