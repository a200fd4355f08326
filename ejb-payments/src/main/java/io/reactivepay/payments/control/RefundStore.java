package io.reactivepay.payments.control;

import io.reactivepay.payments.api.RefundView;
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

/** {@code payments.refund}: a refund's row, and for a card refund the ledger hold that reserves its money. */
@Dependent
public class RefundStore {

    /** A refund row with the merchant and hold the view leaves out. */
    public record Row(RefundView view, UUID merchantId, Optional<UUID> holdId) {
    }

    private static final String COLUMNS = "id, payment_id, merchant_id, amount_minor, currency, status, reason, "
            + "failure_reason, hold_id, created_at, updated_at";

    public void insert(Connection connection, RefundView refund, UUID merchantId, UUID holdId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.refund (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, refund.id());
            insert.setObject(2, refund.paymentId());
            insert.setObject(3, merchantId);
            insert.setLong(4, refund.amount().minorUnits());
            insert.setString(5, refund.amount().currency().getCurrencyCode());
            insert.setString(6, refund.status().name());
            insert.setString(7, refund.reason().orElse(null));
            insert.setString(8, refund.failureReason().orElse(null));
            insert.setObject(9, holdId);
            insert.setTimestamp(10, Timestamp.from(refund.createdAt()));
            insert.setTimestamp(11, Timestamp.from(refund.updatedAt()));
            insert.executeUpdate();
        }
    }

    /** Pending refunds due for another ask, locked and skipped by other instances, and leased until {@code until}. */
    public List<Row> leasePending(Connection connection, int limit, java.time.Instant until) throws SQLException {
        List<Row> due = select(connection, "SELECT " + COLUMNS + " FROM payments.refund WHERE status = 'PENDING' "
                + "AND next_check_at <= now() ORDER BY next_check_at LIMIT " + limit + " FOR NO KEY UPDATE SKIP LOCKED", null);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.refund SET next_check_at = ? WHERE id = ?")) {
            for (Row row : due) {
                update.setTimestamp(1, Timestamp.from(until));
                update.setObject(2, row.view().id());
                update.addBatch();
            }
            update.executeBatch();
        }
        return due;
    }

    public void scheduleCheck(Connection connection, UUID refundId, java.time.Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.refund SET next_check_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setObject(2, refundId);
            update.executeUpdate();
        }
    }

    public RefundView finish(Connection connection, UUID refundId, RefundView.Status status, String failureReason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payments.refund SET status = ?, "
                + "failure_reason = ?, updated_at = now() WHERE id = ? AND status = 'PENDING'")) {
            update.setString(1, status.name());
            update.setString(2, failureReason);
            update.setObject(3, refundId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Refund " + refundId + " is not pending");
            }
        }
        return find(connection, refundId).orElseThrow().view();
    }

    public Optional<Row> find(Connection connection, UUID refundId) throws SQLException {
        List<Row> rows = select(connection, "SELECT " + COLUMNS + " FROM payments.refund WHERE id = ?", refundId);
        return rows.stream().findFirst();
    }

    public List<RefundView> forPayment(Connection connection, UUID paymentId) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM payments.refund WHERE payment_id = ? ORDER BY created_at, id",
                paymentId).stream().map(Row::view).toList();
    }

    private static List<Row> select(Connection connection, String sql, UUID key) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (key != null) {
                select.setObject(1, key);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Currency currency = Currency.getInstance(r.getString(5));
                    RefundView view = new RefundView(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            new Money(r.getLong(4), currency), RefundView.Status.valueOf(r.getString(6)),
                            Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getString(8)),
                            at(r, 10), at(r, 11));
                    rows.add(new Row(view, r.getObject(3, UUID.class), Optional.ofNullable(r.getObject(9, UUID.class))));
                }
            }
        }
        return rows;
    }

    private static Instant at(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }
}
