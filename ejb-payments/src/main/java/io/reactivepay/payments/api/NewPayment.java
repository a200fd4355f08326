package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.util.Map;

/**
 * A merchant's request to take a payment. {@code reference} is the merchant's own order reference
 * (1 to 100 characters); {@code returnUrl} is where the customer goes after the hosted checkout or a
 * 3-D Secure challenge (required for card payments).
 */
public record NewPayment(Money amount, String reference, String description, Payer payer, CaptureMode capture,
                         Customer customer, URI returnUrl, Map<String, String> metadata) {

    public NewPayment {
        if (amount == null || !amount.isPositive()) {
            throw PaymentsException.invalid("amount", "The amount must be positive");
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw PaymentsException.invalid("reference", "The reference must have 1 to 100 characters");
        }
        if (description != null && description.length() > 500) {
            throw PaymentsException.invalid("description", "The description has at most 500 characters");
        }
        if (payer == null) {
            throw PaymentsException.invalid("method", "The payment method is required");
        }
        if (payer.method() == PaymentMethod.CARD && returnUrl == null) {
            throw PaymentsException.invalid("returnUrl", "A card payment needs a return URL");
        }
        capture = capture == null ? CaptureMode.AUTOMATIC : capture;
        customer = customer == null ? Customer.UNKNOWN : customer;
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        if (metadata.size() > 20) {
            throw PaymentsException.invalid("metadata", "At most 20 metadata entries");
        }
    }
}
