package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment as its merchant sees it. Amounts are in the payment's currency; {@code commission} is
 * empty until a fee is known (at capture for card payments, at once for wallet payments).
 * {@code card} is the masked card (BIN and last four) when the method is a card and one is known.
 */
public record PaymentView(UUID id, UUID merchantId, String reference, Optional<String> description,
                          PaymentStatus status, PaymentMethod method, CaptureMode capture, Money amount,
                          Money captured, Money refunded, Optional<Commission> commission, Optional<Risk> risk,
                          Optional<String> card, Optional<UUID> walletId, Optional<URI> checkoutUrl,
                          Optional<String> clientToken, Optional<URI> challengeUrl, Optional<String> declineReason,
                          Optional<Instant> authorisationExpiresAt, Map<String, String> metadata,
                          Instant createdAt, Instant updatedAt) {

    public PaymentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        metadata = Map.copyOf(metadata);
    }
}
