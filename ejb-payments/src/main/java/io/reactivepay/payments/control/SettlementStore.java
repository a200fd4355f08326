package io.reactivepay.payments.control;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Settlement cursors and rows in {@code payments.settlement_cursor} and {@code payments.settlement}. */
@Dependent
public class SettlementStore {

    private static final String COLUMNS = "id, merchant_id, currency, day, window_end, first_posting_id, last_posting_id, "
            + "gross_minor, fees_minor, refunds_minor, chargebacks_minor, other_minor, net_minor, payments, entry_id, "
            + "payout_id, created_at";

    /**
     * Locks the merchant's cursor in that currency for the rest of the transaction (creating it at 0)
     * and returns the last posting id already settled: a second instance waits here, then finds the
     * day settled.
     */
    public long lockCursor(Connection connection, UUID merchantId, Currency currency) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.settlement_cursor "
                + "(merchant_id, currency) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, merchantId);
            insert.setString(2, currency.getCurrencyCode());
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT last_posting_id FROM "
                + "payments.settlement_cursor WHERE merchant_id = ? AND currency = ? FOR UPDATE")) {
            select.setObject(1, merchantId);
            select.setString(2, currency.getCurrencyCode());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public boolean settled(Connection connection, UUID merchantId, Currency currency, LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM payments.settlement "
                + "WHERE merchant_id = ? AND currency = ? AND day = ?")) {
            select.setObject(1, merchantId);
            select.setString(2, currency.getCurrencyCode());
            select.setDate(3, Date.valueOf(day));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Records the settlement and moves the cursor past its last posting. */
    public void insert(Connection connection, SettlementRecord s) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.settlement (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, s.id());
            insert.setObject(2, s.merchantId());
            insert.setString(3, s.currency().getCurrencyCode());
            insert.setDate(4, Date.valueOf(s.day()));
            insert.setTimestamp(5, Timestamp.from(s.windowEnd()));
            insert.setLong(6, s.firstPostingId());
            insert.setLong(7, s.lastPostingId());
            insert.setLong(8, s.gross());
            insert.setLong(9, s.fees());
            insert.setLong(10, s.refunds());
            insert.setLong(11, s.chargebacks());
            insert.setLong(12, s.other());
            insert.setLong(13, s.net());
            insert.setInt(14, s.payments());
            insert.setObject(15, s.entryId());
            insert.setObject(16, s.payoutId());
            insert.setTimestamp(17, Timestamp.from(s.createdAt()));
            insert.executeUpdate();
        }
        advanceCursor(connection, s.merchantId(), s.currency(), s.lastPostingId());
    }

    /** Moves the locked cursor forward past {@code lastPostingId}. */
    public void advanceCursor(Connection connection, UUID merchantId, Currency currency, long lastPostingId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payments.settlement_cursor "
                + "SET last_posting_id = ? WHERE merchant_id = ? AND currency = ? AND last_posting_id < ?")) {
            update.setLong(1, lastPostingId);
            update.setObject(2, merchantId);
            update.setString(3, currency.getCurrencyCode());
            update.setLong(4, lastPostingId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Settlement cursor of " + merchantId + " did not move forward");
            }
        }
    }

    /** The merchant's settlements between two days (inclusive), newest first. */
    public List<SettlementRecord> list(Connection connection, UUID merchantId, LocalDate from, LocalDate to, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM payments.settlement "
                + "WHERE merchant_id = ? AND day BETWEEN ? AND ? ORDER BY day DESC, currency LIMIT ?")) {
            select.setObject(1, merchantId);
            select.setDate(2, Date.valueOf(from));
            select.setDate(3, Date.valueOf(to));
            select.setInt(4, limit);
            return all(select);
        }
    }

    /** Every settlement of a day, for its report. */
    public List<SettlementRecord> ofDay(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM payments.settlement "
                + "WHERE day = ? ORDER BY merchant_id, currency")) {
            select.setDate(1, Date.valueOf(day));
            return all(select);
        }
    }

    /** The merchants' pending and available accounts: all of them, or one merchant's. */
    public List<MerchantLedgerAccounts> merchantAccounts(Connection connection, UUID merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT merchant_id, currency, pending_account_id, "
                + "available_account_id FROM payments.merchant_account WHERE ?::uuid IS NULL OR merchant_id = ? "
                + "ORDER BY merchant_id, currency")) {
            select.setObject(1, merchantId);
            select.setObject(2, merchantId);
            List<MerchantLedgerAccounts> accounts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    accounts.add(new MerchantLedgerAccounts(row.getObject(1, UUID.class),
                            Currency.getInstance(row.getString(2)), row.getObject(3, UUID.class),
                            row.getObject(4, UUID.class)));
                }
            }
            return accounts;
        }
    }

    private static List<SettlementRecord> all(PreparedStatement select) throws SQLException {
        List<SettlementRecord> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new SettlementRecord(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        Currency.getInstance(row.getString(3)), row.getDate(4).toLocalDate(),
                        row.getObject(5, OffsetDateTime.class).toInstant(), row.getLong(6), row.getLong(7), row.getLong(8),
                        row.getLong(9), row.getLong(10), row.getLong(11), row.getLong(12), row.getLong(13), row.getInt(14),
                        row.getObject(15, UUID.class), row.getObject(16, UUID.class),
                        row.getObject(17, OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }
}
