package io.reactivepay.accounts.api;

import java.util.Currency;
import java.util.UUID;

/** A business account as other modules see it. */
public record Merchant(UUID id, String legalName, Status status, Currency settlementCurrency, boolean requiresSignature) {

    public enum Status { PENDING, ACTIVE, SUSPENDED }
}
