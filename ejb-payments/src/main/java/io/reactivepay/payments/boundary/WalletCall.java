package io.reactivepay.payments.boundary;

import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;

/** A merchant's call to take an automatically captured wallet payment, as group commit queues it. */
public record WalletCall(MerchantCall call, NewPayment payment) {
}
