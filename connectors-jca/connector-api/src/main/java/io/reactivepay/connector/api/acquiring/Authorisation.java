package io.reactivepay.connector.api.acquiring;

import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.util.Objects;

/**
 * Reserve {@code amount} on a card. {@code requestId} is ours and makes the request idempotent at the
 * acquirer and findable by a status query when the answer is lost; {@code returnUrl} is where the
 * customer comes back to after a 3-D Secure challenge.
 */
public record Authorisation(String requestId, Money amount, Card card, URI returnUrl) {

    public Authorisation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(returnUrl, "returnUrl");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("An authorisation is for a positive amount");
        }
    }
}
