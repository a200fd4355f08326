package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import java.util.UUID;

/**
 * An account's balances: {@code posted} is the sum of its postings, {@code held} what pending holds
 * reserve, {@code available} what may still be spent ({@code posted - held}).
 */
public record Balance(UUID accountId, Money posted, Money held, Money available) {
}
