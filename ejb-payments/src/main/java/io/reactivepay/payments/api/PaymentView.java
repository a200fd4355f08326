package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.UUID;

public record PaymentView(UUID id, String merchantRef, Money amount, String status, String reference, Instant createdAt) {
}
