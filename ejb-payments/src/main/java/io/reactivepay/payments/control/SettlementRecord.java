package io.reactivepay.payments.control;

import io.reactivepay.payments.api.SettlementView;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/** A settlement row: the view's figures plus its window over the pending account's postings. */
public record SettlementRecord(UUID id, UUID merchantId, Currency currency, LocalDate day, Instant windowEnd,
                               long firstPostingId, long lastPostingId, long gross, long fees, long refunds,
                               long chargebacks, long other, long net, int payments, UUID entryId, UUID payoutId,
                               Instant createdAt) {

    public SettlementView view() {
        return new SettlementView(id, merchantId, day, new Money(gross, currency), new Money(fees, currency),
                new Money(refunds, currency), new Money(chargebacks, currency), new Money(net, currency), payments,
                Optional.ofNullable(payoutId), createdAt);
    }
}
