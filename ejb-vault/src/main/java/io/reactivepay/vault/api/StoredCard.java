package io.reactivepay.vault.api;

import java.time.YearMonth;
import java.util.UUID;

/** A tokenised card as everyone outside the vault sees it: token, BIN, last four, expiry. */
public record StoredCard(UUID token, String bin, String lastFour, YearMonth expiry) {
}
