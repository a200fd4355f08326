package io.reactivepay.connector.api.acquiring;

import io.reactivepay.platform.money.Money;
import java.util.Objects;

/**
 * Capture or refund {@code amount} of the authorisation the acquirer knows as {@code reference};
 * {@code requestId} is ours and makes the request idempotent.
 */
public record Settlement(String requestId, String reference, Money amount) {

    public Settlement {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A capture or refund is for a positive amount");
        }
    }
}
