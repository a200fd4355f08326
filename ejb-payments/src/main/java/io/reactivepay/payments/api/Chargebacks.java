package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Disputes of captured card payments, reported by the acquirer and handled by staff. Opening one
 * debits the merchant and holds the amount in the chargeback reserve; winning releases it back to the
 * merchant; losing pays it to the acquirer and charges the merchant a chargeback fee. Audited.
 */
@Local
public interface Chargebacks {

    ChargebackView open(UUID paymentId, Money amount, String reason, String actor);

    ChargebackView win(UUID chargebackId, String actor);

    ChargebackView lose(UUID chargebackId, String actor);

    Optional<ChargebackView> find(UUID chargebackId);

    List<ChargebackView> forPayment(UUID paymentId);
}
