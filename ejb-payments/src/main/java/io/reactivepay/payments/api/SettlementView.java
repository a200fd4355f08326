package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One merchant's settlement of one day and currency: what moved from pending to available (gross,
 * fees, refunds, chargebacks, net) and the payout it produced.
 */
public record SettlementView(UUID id, UUID merchantId, LocalDate day, Money gross, Money fees, Money refunds,
                             Money chargebacks, Money net, int payments, Optional<UUID> payoutId, Instant createdAt) {
}
