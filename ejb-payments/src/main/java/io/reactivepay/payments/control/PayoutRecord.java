package io.reactivepay.payments.control;

import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A payout row with what the hand-off to the bank needs besides the public view. */
public record PayoutRecord(UUID id, UUID merchantId, Money amount, PayoutView.Status status, String reference,
                           UUID settlementId, String endToEndId, UUID debitEntryId, BankStage bankStage,
                           String bankReference, String failureReason, Instant createdAt, Instant updatedAt) {

    /** Where the hand-off to the bank stands; see the payout migration. */
    public enum BankStage { NEW, SENDING, SENT, UNKNOWN, DONE }

    public PayoutView view() {
        return new PayoutView(id, merchantId, amount, status, Optional.ofNullable(reference),
                Optional.ofNullable(settlementId), Optional.ofNullable(failureReason), createdAt, updatedAt);
    }

    /** Ours, at most 35 SEPA characters, and travels to the bank statement: "PO" and the id's 32 hex digits. */
    public static String endToEndId(UUID payoutId) {
        return "PO" + payoutId.toString().replace("-", "");
    }
}
