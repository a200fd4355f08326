package io.reactivepay.payments.api;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/**
 * Money out to merchants' bank accounts through the bank-transfer connector. The available balance
 * is debited when the payout is recorded; a payout the bank refuses is credited back.
 */
@Local
public interface Payouts {

    /**
     * Pays out part of the available balance. Answers 201 with the payout.
     *
     * Refusals leave no trace (no payout, no debit, no stored receipt):
     *
     * @throws PaymentsException {@link PaymentsException#AMOUNT_TOO_LARGE} above the available balance,
     *                           {@link PaymentsException#NO_BANK_ACCOUNT} without a registered bank account,
     *                           {@link PaymentsException#MERCHANT_NOT_ACTIVE} for a merchant not active,
     *                           {@link PaymentsException#IDEMPOTENCY_KEY_REUSED} for the key of another request
     */
    Receipt create(MerchantCall call, NewPayout payout);

    Optional<PayoutView> find(UUID merchantId, UUID payoutId);
}
