package io.reactivepay.connector.api.banking;

import io.reactivepay.platform.money.Money;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A credit transfer from our account to a creditor. {@code endToEndId} is ours, travels with the money
 * to the creditor's bank and comes back on our statement, where reconciliation matches it.
 */
public record Payout(String endToEndId, Money amount, String creditorName, String creditorIban,
        String remittanceInformation) {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern END_TO_END_ID = Pattern.compile("[A-Za-z0-9/?:().,'+ -]{1,35}");

    public Payout {
        Objects.requireNonNull(amount, "amount");
        if (endToEndId == null || !END_TO_END_ID.matcher(endToEndId).matches()) {
            throw new IllegalArgumentException("An end-to-end id has 1 to 35 SEPA characters");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A payout is for a positive amount");
        }
        if (creditorName == null || creditorName.isBlank() || creditorName.length() > 70) {
            throw new IllegalArgumentException("A creditor name has 1 to 70 characters");
        }
        if (creditorIban == null || !IBAN.matcher(creditorIban).matches()) {
            throw new IllegalArgumentException("Not an IBAN: " + creditorIban);
        }
        if (remittanceInformation == null || remittanceInformation.length() > 140) {
            throw new IllegalArgumentException("Remittance information has at most 140 characters");
        }
    }
}
