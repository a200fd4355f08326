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
     * @throws PaymentsException {@link PaymentsException#AMOUNT_TOO_LARGE} above the available balance
     */
    Receipt create(MerchantCall call, NewPayout payout);

    Optional<PayoutView> find(UUID merchantId, UUID payoutId);
}
