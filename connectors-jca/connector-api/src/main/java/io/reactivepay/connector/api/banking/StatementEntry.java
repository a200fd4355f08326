package io.reactivepay.connector.api.banking;

import io.reactivepay.platform.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One booked line of a bank statement of our account: {@code amount} is positive for money received,
 * negative for money sent. {@code endToEndId} is present when the bank reports one, e.g. for our payouts.
 */
public record StatementEntry(String statementId, String accountIban, String entryReference, Money amount,
        LocalDate bookingDate, Optional<String> endToEndId, String remittanceInformation) {

    public StatementEntry {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(accountIban, "accountIban");
        Objects.requireNonNull(entryReference, "entryReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(remittanceInformation, "remittanceInformation");
    }
}
