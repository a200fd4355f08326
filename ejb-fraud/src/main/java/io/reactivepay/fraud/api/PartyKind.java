package io.reactivepay.fraud.api;

import java.util.Arrays;

/** What a list entry identifies. An IP entry is an address or a CIDR range. */
public enum PartyKind {
    CARD, EMAIL, PHONE, IP, BIN, COUNTRY, WALLET;

    public static PartyKind of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new FraudException(FraudException.INVALID_LIST_ENTRY, "Unknown party kind: " + name));
    }
}
