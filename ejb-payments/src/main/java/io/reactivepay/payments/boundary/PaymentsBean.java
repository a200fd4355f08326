package io.reactivepay.payments.boundary;

import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.Payments;
import io.reactivepay.payments.entity.Payment;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class PaymentsBean implements Payments {

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @Override
    public Optional<PaymentView> find(UUID paymentId) {
        return Optional.ofNullable(em.find(Payment.class, paymentId)).map(Payment::view);
    }
}
