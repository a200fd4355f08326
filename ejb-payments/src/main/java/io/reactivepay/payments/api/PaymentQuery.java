package io.reactivepay.payments.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters for a merchant's payment list: every present filter must match. Amounts are in minor units
 * of the payment's currency; the date range is on creation ({@code from} inclusive, {@code to}
 * exclusive); {@code limit} is 1 to 100.
 */
public record PaymentQuery(Optional<PaymentStatus> status, Optional<Instant> from, Optional<Instant> to,
                           Optional<Long> minAmount, Optional<Long> maxAmount, Optional<String> reference,
                           Optional<String> cursor, int limit) {

    public PaymentQuery {
        if (limit < 1 || limit > 100) {
            throw PaymentsException.invalid("limit", "The limit is 1 to 100");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw PaymentsException.invalid("from", "'from' must be before 'to'");
        }
        if (minAmount.isPresent() && maxAmount.isPresent() && minAmount.get() > maxAmount.get()) {
            throw PaymentsException.invalid("minAmount", "'minAmount' must not exceed 'maxAmount'");
        }
    }
}
