package io.reactivepay.payments.control;

import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.Commission;
import io.reactivepay.payments.api.Customer;
import io.reactivepay.payments.api.PaymentMethod;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.Risk;
import io.reactivepay.platform.money.Money;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment row as the transitions change it: read under its row lock, changed, written back in the
 * same transaction. Mutable on purpose, and never shared between transactions.
 */
public final class PaymentRecord {

    public UUID id;
    public UUID merchantId;
    public String reference;
    public String description;
    public PaymentStatus status;
    public PaymentMethod method;
    public CaptureMode capture;
    public Money amount;
    public long capturedMinor;
    public long refundedMinor;
    public long refundingMinor;
    public Commission commission;
    public Risk risk;
    public UUID cardToken;
    public String cardMasked;
    public UUID walletId;
    public UUID customerProfileId;
    public String clientToken;
    public URI returnUrl;
    public URI challengeUrl;
    public String acquirerRequestId;
    public String acquirerReference;
    public UUID holdId;
    public String declineReason;
    public Instant authorisationExpiresAt;
    public PaymentStatus statusBeforeChargeback;
    public Instant nextCheckAt;
    public Customer customer = Customer.UNKNOWN;
    public Map<String, String> metadata = Map.of();
    public Instant createdAt;
    public Instant updatedAt;

    /** What is captured and neither refunded nor being refunded. */
    public long refundableMinor() {
        return capturedMinor - refundedMinor - refundingMinor;
    }

    public Money money(long minor) {
        return new Money(minor, amount.currency());
    }

    public PaymentView view(PaymentsConfig config) {
        return new PaymentView(id, merchantId, reference, Optional.ofNullable(description), status, method, capture,
                amount, money(capturedMinor), money(refundedMinor), Optional.ofNullable(commission),
                Optional.ofNullable(risk), Optional.ofNullable(cardMasked), Optional.ofNullable(walletId),
                status == PaymentStatus.CREATED && clientToken != null ? Optional.of(config.checkoutUrl(clientToken))
                        : Optional.empty(),
                Optional.ofNullable(clientToken), status == PaymentStatus.ACTION_REQUIRED
                        ? Optional.ofNullable(challengeUrl) : Optional.empty(),
                Optional.ofNullable(declineReason),
                status == PaymentStatus.AUTHORISED ? Optional.ofNullable(authorisationExpiresAt) : Optional.empty(),
                metadata, createdAt, updatedAt);
    }
}
