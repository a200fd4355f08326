package io.reactivepay.payments.control;

import io.reactivepay.connector.api.banking.StatementEntry;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The booked lines of our bank statements in {@code payments.bank_statement_line}, each recorded once. */
@Dependent
public class StatementLines {

    /** What a line meant for our payouts. */
    public enum Outcome { PAID, RETURNED, UNMATCHED, IGNORED }

    public boolean known(Connection connection, StatementEntry entry) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM payments.bank_statement_line WHERE statement_id = ? AND entry_reference = ?")) {
            select.setString(1, entry.statementId());
            select.setString(2, entry.entryReference());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public void record(Connection connection, StatementEntry entry, UUID payoutId, Outcome outcome, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.bank_statement_line "
                + "(statement_id, entry_reference, amount_minor, currency, booking_date, end_to_end_id, payout_id, "
                + "outcome, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.statementId());
            insert.setString(2, entry.entryReference());
            insert.setLong(3, entry.amount().minorUnits());
            insert.setString(4, entry.amount().currency().getCurrencyCode());
            insert.setDate(5, Date.valueOf(entry.bookingDate()));
            insert.setString(6, entry.endToEndId().orElse(null));
            insert.setObject(7, payoutId);
            insert.setString(8, outcome.name());
            insert.setTimestamp(9, Timestamp.from(now));
            insert.executeUpdate();
        }
    }
}
