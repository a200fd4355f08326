package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;

/** Pay {@code amount} of the merchant's available balance out to its registered bank account. */
public record NewPayout(Money amount, String reference) {

    public NewPayout {
        if (amount == null || !amount.isPositive()) {
            throw PaymentsException.invalid("amount", "The amount must be positive");
        }
        if (reference != null && (reference.isBlank() || reference.length() > 100)) {
            throw PaymentsException.invalid("reference", "The reference must have 1 to 100 characters");
        }
    }
}
