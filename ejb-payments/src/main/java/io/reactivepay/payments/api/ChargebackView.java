package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A cardholder's dispute of a captured payment. */
public record ChargebackView(UUID id, UUID paymentId, Money amount, Status status, String reason,
                            Optional<Money> fee, Instant openedAt, Optional<Instant> closedAt) {

    /** OPEN: merchant debited, amount in the reserve. WON: released back. LOST: paid out, plus a fee. */
    public enum Status { OPEN, WON, LOST }
}
