package io.reactivepay.payments.control;

import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * A merchant's ledger accounts in one currency: captured payments are credited to {@code pending};
 * settlement moves money to {@code available}, from which payouts are paid.
 */
public record MerchantLedgerAccounts(UUID merchantId, Currency currency, UUID pending, UUID available) {

    public MerchantLedgerAccounts {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(available, "available");
    }

    public static String pendingOwner(UUID merchantId) {
        return "merchant:" + merchantId + ":pending";
    }

    public static String availableOwner(UUID merchantId) {
        return "merchant:" + merchantId + ":available";
    }
}
