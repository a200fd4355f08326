package io.reactivepay.wallet.api;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

public record WalletView(UUID id, String customerRef, Currency currency, UUID ledgerAccountId, Instant openedAt) {
}
