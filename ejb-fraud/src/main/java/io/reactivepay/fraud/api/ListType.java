package io.reactivepay.fraud.api;

import java.util.Arrays;

public enum ListType {
    BLACK, WHITE;

    /** Parses a name from the outside (console, API); an unknown name is a refusal, not an exception. */
    public static ListType of(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new FraudException(FraudException.INVALID_LIST_ENTRY, "Unknown list type: " + name));
    }
}
