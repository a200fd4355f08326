package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.util.Optional;

/** Refund {@code amount} (empty: all that is left) of a captured payment. */
public record NewRefund(Optional<Money> amount, Optional<String> reason) {

    public NewRefund {
        amount = amount == null ? Optional.empty() : amount;
        reason = reason == null ? Optional.empty() : reason;
        if (amount.isPresent() && !amount.get().isPositive()) {
            throw PaymentsException.invalid("amount", "The amount must be positive");
        }
        if (reason.isPresent() && reason.get().length() > 500) {
            throw PaymentsException.invalid("reason", "The reason has at most 500 characters");
        }
    }
}
