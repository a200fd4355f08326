package io.reactivepay.payments.api;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

@Local
public interface Payments {

    Optional<PaymentView> find(UUID paymentId);
}
