package io.reactivepay.payments.boundary;

import io.reactivepay.payments.api.Receipt;
import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.util.UUID;

/**
 * What a recorded attempt leaves to do: nothing but answer, or a call to the acquirer that must run
 * outside any transaction before the outcome is recorded in the next one.
 */
public sealed interface Step {

    record Answer(Receipt receipt) implements Step {
    }

    /** Authorise at the acquirer (through the vault, the only holder of the card number). */
    record Authorise(UUID paymentId, UUID cardToken, String requestId, Money amount, URI returnUrl) implements Step {
    }

    /** Capture or refund at the acquirer by reference; {@code resourceId} is the payment or the refund. */
    record Settle(UUID resourceId, String requestId, String reference, Money amount) implements Step {
    }

    record Cancel(UUID paymentId, String requestId, String reference) implements Step {
    }
}
