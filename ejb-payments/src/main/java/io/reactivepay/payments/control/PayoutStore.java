package io.reactivepay.payments.control;

import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code payments.payout} rows. Every state change is conditional on the state it leaves, so a repeat changes nothing. */
@Dependent
public class PayoutStore {

    private static final String COLUMNS = "id, merchant_id, amount_minor, currency, status, reference, settlement_id, "
            + "end_to_end_id, debit_entry_id, bank_stage, bank_reference, failure_reason, created_at, updated_at";

    public void insert(Connection connection, PayoutRecord payout) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.payout (" + COLUMNS
                + ", next_check_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, payout.id());
            insert.setObject(2, payout.merchantId());
            insert.setLong(3, payout.amount().minorUnits());
            insert.setString(4, payout.amount().currency().getCurrencyCode());
            insert.setString(5, payout.status().name());
            insert.setString(6, payout.reference());
            insert.setObject(7, payout.settlementId());
            insert.setString(8, payout.endToEndId());
            insert.setObject(9, payout.debitEntryId());
            insert.setString(10, payout.bankStage().name());
            insert.setString(11, payout.bankReference());
            insert.setString(12, payout.failureReason());
            insert.setTimestamp(13, Timestamp.from(payout.createdAt()));
            insert.setTimestamp(14, Timestamp.from(payout.updatedAt()));
            insert.setTimestamp(15, Timestamp.from(payout.createdAt()));
            insert.executeUpdate();
        }
    }

    public Optional<PayoutRecord> find(Connection connection, UUID payoutId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM payments.payout WHERE id = ?", payoutId);
    }

    /** The payout, its row locked until the end of the transaction. */
    public Optional<PayoutRecord> lock(Connection connection, UUID payoutId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM payments.payout WHERE id = ? FOR UPDATE", payoutId);
    }

    public Optional<PayoutRecord> lockByEndToEndId(Connection connection, String endToEndId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM payments.payout WHERE end_to_end_id = ? FOR UPDATE", endToEndId);
    }

    /** Records the attempt before the bank is called: only a payout never handed over is. */
    public Optional<PayoutRecord> startAttempt(Connection connection, UUID payoutId, Instant now,
                                               Instant nextCheck) throws SQLException {
        return one(connection, "UPDATE payments.payout SET bank_stage = 'SENDING', attempts = attempts + 1, "
                + "updated_at = ?, next_check_at = ? WHERE id = ? AND bank_stage = 'NEW' RETURNING " + COLUMNS,
                Timestamp.from(now), Timestamp.from(nextCheck), payoutId);
    }

    /** What the bank said of a payout still open: it has it ({@code SENT}) or nobody knows ({@code UNKNOWN}). */
    public boolean recordStage(Connection connection, UUID payoutId, PayoutRecord.BankStage stage, String bankReference,
                               Instant now, Instant nextCheck) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payments.payout SET bank_stage = ?, "
                + "bank_reference = coalesce(?, bank_reference), updated_at = ?, next_check_at = ? "
                + "WHERE id = ? AND status = 'PENDING'")) {
            update.setString(1, stage.name());
            update.setString(2, bankReference);
            update.setTimestamp(3, Timestamp.from(now));
            update.setTimestamp(4, Timestamp.from(nextCheck));
            update.setObject(5, payoutId);
            return update.executeUpdate() == 1;
        }
    }

    public Optional<PayoutRecord> markPaid(Connection connection, UUID payoutId, String bankReference, Instant now)
            throws SQLException {
        return one(connection, "UPDATE payments.payout SET status = 'PAID', bank_stage = 'DONE', "
                + "bank_reference = coalesce(?, bank_reference), updated_at = ? WHERE id = ? AND status = 'PENDING' "
                + "RETURNING " + COLUMNS, bankReference, Timestamp.from(now), payoutId);
    }

    /** A pending payout the bank refused, or a paid one it returned. */
    public Optional<PayoutRecord> markFailed(Connection connection, UUID payoutId, String reason, UUID creditEntryId,
                                             Instant now) throws SQLException {
        return one(connection, "UPDATE payments.payout SET status = 'FAILED', bank_stage = 'DONE', failure_reason = ?, "
                + "credit_entry_id = ?, updated_at = ? WHERE id = ? AND status IN ('PENDING', 'PAID') RETURNING " + COLUMNS,
                reason, creditEntryId, Timestamp.from(now), payoutId);
    }

    /**
     * Takes up to {@code limit} open payouts due for a check and moves their next check to
     * {@code nextCheck}: another instance skips them meanwhile (the rows are taken with SKIP LOCKED).
     */
    public List<PayoutRecord> claimDue(Connection connection, Instant now, Instant nextCheck, int limit)
            throws SQLException {
        String sql = "UPDATE payments.payout SET next_check_at = ? WHERE id IN (SELECT id FROM payments.payout "
                + "WHERE status = 'PENDING' AND next_check_at <= ? ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING " + COLUMNS;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(nextCheck));
            update.setTimestamp(2, Timestamp.from(now));
            update.setInt(3, limit);
            return all(update);
        }
    }

    private Optional<PayoutRecord> one(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<PayoutRecord> rows = all(statement);
            return rows.stream().findFirst();
        }
    }

    private static List<PayoutRecord> all(PreparedStatement statement) throws SQLException {
        List<PayoutRecord> rows = new ArrayList<>();
        boolean query = statement.execute();
        if (!query) {
            return rows;
        }
        try (ResultSet row = statement.getResultSet()) {
            while (row.next()) {
                rows.add(new PayoutRecord(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        new Money(row.getLong(3), Currency.getInstance(row.getString(4))),
                        PayoutView.Status.valueOf(row.getString(5)), row.getString(6), row.getObject(7, UUID.class),
                        row.getString(8), row.getObject(9, UUID.class), PayoutRecord.BankStage.valueOf(row.getString(10)),
                        row.getString(11), row.getString(12), row.getObject(13, OffsetDateTime.class).toInstant(),
                        row.getObject(14, OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }
}
