package io.reactivepay.payments.entity;

import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.platform.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(schema = "payments", name = "payment")
public class Payment {

    @Id
    private UUID id;

    @Column(name = "merchant_ref", nullable = false, updatable = false)
    private String merchantRef;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String status;

    private String reference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Payment() {
        // for JPA
    }

    public PaymentView view() {
        return new PaymentView(id, merchantRef, Money.of(amountMinor, currency), status, reference, createdAt.toInstant());
    }
}
