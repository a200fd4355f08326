package io.reactivepay.wallet.api;

import java.util.Currency;
import java.util.Objects;

public record OpenWallet(String customerRef, Currency currency) {

    public OpenWallet {
        if (customerRef == null || customerRef.isBlank()) {
            throw new IllegalArgumentException("customerRef must not be blank");
        }
        Objects.requireNonNull(currency, "currency");
    }
}
