package io.reactivepay.ledger.api;

import java.util.Currency;
import java.util.Objects;

/** A request to open a ledger account for an owner (a wallet id, a merchant id, a system role). */
public record OpenAccount(String ownerRef, Currency currency, AccountKind kind, FloorPolicy floor) {

    public OpenAccount {
        if (ownerRef == null || ownerRef.isBlank() || ownerRef.length() > 200) {
            throw new IllegalArgumentException("ownerRef must have 1 to 200 characters");
        }
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(floor, "floor");
    }

    /** The usual floor of the kind: system accounts are unbounded, all others may not go below zero. */
    public OpenAccount(String ownerRef, Currency currency, AccountKind kind) {
        this(ownerRef, currency, kind, kind == AccountKind.SYSTEM ? FloorPolicy.UNBOUNDED : FloorPolicy.NON_NEGATIVE);
    }
}
