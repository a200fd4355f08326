package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an entry: a signed amount on one account. Positive credits the account (its balance
 * grows), negative debits it. An entry's postings sum to zero per currency.
 */
public record Posting(UUID accountId, Money amount) {

    public Posting {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        if (amount.minorUnits() == 0) {
            throw new IllegalArgumentException("a posting moves a non-zero amount");
        }
    }

    public static Posting debit(UUID accountId, Money amount) {
        return new Posting(accountId, amount.negate());
    }

    public static Posting credit(UUID accountId, Money amount) {
        return new Posting(accountId, amount);
    }
}
