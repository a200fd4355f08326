package io.reactivepay.connector.api.banking;

import io.reactivepay.connector.api.Outcome;
import java.util.List;

/** A connection to a bank-transfer rail. */
public interface BankTransferConnection extends AutoCloseable {

    /**
     * Hands the payout to the bank; {@link Outcome.Pending} with the file or message id once the bank
     * has it, as a transfer is final only when it shows on a statement.
     */
    Outcome payout(Payout payout);

    /** Where the payout with our {@code endToEndId} stands. */
    Outcome status(String endToEndId);

    /** The entries of statements that arrived since the last import; each statement is imported once. */
    List<StatementEntry> importStatements();

    @Override
    void close();
}
