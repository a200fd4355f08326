package io.reactivepay.ledger.api;

import java.util.Currency;
import java.util.Objects;

/** A request to open a ledger account for an owner (a wallet id, a merchant id, a system role). */
public record OpenAccount(String ownerRef, Currency currency, AccountKind kind) {

    public OpenAccount {
        if (ownerRef == null || ownerRef.isBlank()) {
            throw new IllegalArgumentException("ownerRef must not be blank");
        }
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
    }
}
