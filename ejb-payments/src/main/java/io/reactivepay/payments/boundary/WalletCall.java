package io.reactivepay.payments.boundary;

import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import java.util.UUID;

/**
 * A merchant's call to take an automatically captured wallet payment, as group commit queues it, with
 * the customer whose token (the consent) was verified before it was queued.
 */
public record WalletCall(MerchantCall call, NewPayment payment, UUID customerProfileId) {
}
