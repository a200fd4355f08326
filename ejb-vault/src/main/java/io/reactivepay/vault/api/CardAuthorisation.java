package io.reactivepay.vault.api;

import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * Authorise {@code amount} on a tokenised card. The security code is used for this one call and then
 * dropped; {@link #toString()} never shows it.
 */
public record CardAuthorisation(UUID token, String securityCode, String requestId, Money amount, URI returnUrl) {

    public CardAuthorisation {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
    }

    @Override
    public String toString() {
        return "CardAuthorisation[token=" + token + ", requestId=" + requestId + ", amount=" + amount + "]";
    }
}
