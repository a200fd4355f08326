package io.reactivepay.payments.control;

import io.reactivepay.payments.api.DeliveryAttempt;
import io.reactivepay.payments.api.DeliveryView;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook deliveries and their attempts in {@code payments.webhook_delivery} and {@code payments.webhook_attempt}. */
@Dependent
public class DeliveryStore {

    /** A delivery a dispatcher has claimed for one attempt. */
    public record Claimed(UUID id, UUID merchantId, UUID eventId, String url, String body, int attempt, Instant giveUpAt) {
    }

    private static final String VIEW_COLUMNS = "id, event_id, event_type, url, status, attempts, last_http_status, "
            + "last_error, next_attempt_at, created_at, delivered_at";

    /**
     * A new delivery, due at once; false when the event's delivery to this merchant exists already
     * (the same event consumed twice).
     */
    public boolean insert(Connection connection, UUID id, WebhookEvent event, String url, Optional<UUID> replayOf,
                          Instant createdAt, Instant giveUpAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO payments.webhook_delivery (id, merchant_id, event_id, event_type, occurred_at, body, url,
                    replay_of, status, next_attempt_at, give_up_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                ON CONFLICT (event_id, merchant_id) WHERE replay_of IS NULL DO NOTHING""")) {
            insert.setObject(1, id);
            insert.setObject(2, event.merchantId());
            insert.setObject(3, event.id());
            insert.setString(4, event.type());
            insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
            insert.setString(6, event.body());
            insert.setString(7, url);
            insert.setObject(8, replayOf.orElse(null));
            insert.setTimestamp(9, Timestamp.from(createdAt));
            insert.setTimestamp(10, Timestamp.from(giveUpAt));
            insert.setTimestamp(11, Timestamp.from(createdAt));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each: rows another dispatcher has locked
     * are skipped, and the claimed ones are not due again until {@code leaseUntil}.
     */
    public List<Claimed> claimDue(Connection connection, Instant now, Instant leaseUntil, int limit) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("""
                UPDATE payments.webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = ?
                FROM (SELECT id FROM payments.webhook_delivery
                      WHERE status = 'PENDING' AND next_attempt_at <= ?
                      ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.merchant_id, d.event_id, d.url, d.body, d.attempts, d.give_up_at""")) {
            claim.setTimestamp(1, Timestamp.from(leaseUntil));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setInt(3, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    claimed.add(new Claimed(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getObject(3, UUID.class), row.getString(4), row.getString(5), row.getInt(6),
                            row.getTimestamp(7).toInstant()));
                }
            }
            return claimed;
        }
    }

    /** Points a delivery at the merchant's new URL, which the merchant changed while it was pending. */
    public void readdress(Connection connection, UUID deliveryId, String url) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.webhook_delivery SET url = ? WHERE id = ?")) {
            update.setString(1, url);
            update.setObject(2, deliveryId);
            update.executeUpdate();
        }
    }

    /** Logs an attempt as it starts; {@link #completeAttempt} adds the answer. */
    public void startAttempt(Connection connection, UUID deliveryId, int attempt, String url, Instant startedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.webhook_attempt "
                + "(delivery_id, attempt, url, started_at) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, deliveryId);
            insert.setInt(2, attempt);
            insert.setString(3, url);
            insert.setTimestamp(4, Timestamp.from(startedAt));
            insert.executeUpdate();
        }
    }

    public void completeAttempt(Connection connection, UUID deliveryId, int attempt, Duration duration,
                                Optional<Integer> httpStatus, Optional<String> error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payments.webhook_attempt "
                + "SET duration_ms = ?, http_status = ?, error = ? WHERE delivery_id = ? AND attempt = ?")) {
            update.setLong(1, duration.toMillis());
            update.setObject(2, httpStatus.orElse(null));
            update.setString(3, error.orElse(null));
            update.setObject(4, deliveryId);
            update.setInt(5, attempt);
            update.executeUpdate();
        }
    }

    /**
     * Moves a claimed delivery on after its attempt: delivered, due again at {@code next}, or failed
     * (neither). False when the claim is no longer this attempt's (its lease ran out and another took it).
     */
    public boolean settle(Connection connection, UUID deliveryId, int attempt, DeliveryView.Status status,
                          Optional<Instant> next, Optional<Integer> httpStatus, Optional<String> error, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE payments.webhook_delivery SET status = ?, next_attempt_at = ?, last_http_status = ?, last_error = ?,
                    delivered_at = ?
                WHERE id = ? AND attempts = ? AND status = 'PENDING'""")) {
            update.setString(1, status.name());
            update.setTimestamp(2, next.map(Timestamp::from).orElse(null));
            update.setObject(3, httpStatus.orElse(null));
            update.setString(4, error.orElse(null));
            update.setTimestamp(5, status == DeliveryView.Status.DELIVERED ? Timestamp.from(now) : null);
            update.setObject(6, deliveryId);
            update.setInt(7, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /** Deletes up to {@code limit} delivered or failed deliveries created before {@code cutoff}, with their attempts. */
    public int purge(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM payments.webhook_delivery WHERE id IN (
                    SELECT id FROM payments.webhook_delivery WHERE status <> 'PENDING' AND created_at < ?
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)""")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    public Optional<Instant> giveUpAt(Connection connection, UUID deliveryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT give_up_at FROM payments.webhook_delivery WHERE id = ?")) {
            select.setObject(1, deliveryId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    /** The merchant's deliveries newest first, after the position {@code (createdAt, id)} when given. */
    public List<DeliveryView> page(Connection connection, UUID merchantId, Optional<PageCursor> after, int limit)
            throws SQLException {
        String sql = "SELECT " + VIEW_COLUMNS + " FROM payments.webhook_delivery WHERE merchant_id = ? "
                + (after.isPresent() ? "AND (created_at, id) < (?, ?) " : "")
                + "ORDER BY created_at DESC, id DESC LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            select.setObject(i++, merchantId);
            if (after.isPresent()) {
                select.setTimestamp(i++, Timestamp.from(after.get().createdAt()));
                select.setObject(i++, after.get().id());
            }
            select.setInt(i, limit);
            List<DeliveryView> views = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    views.add(view(row));
                }
            }
            return views;
        }
    }

    public Optional<DeliveryView> find(Connection connection, UUID merchantId, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + VIEW_COLUMNS + " FROM payments.webhook_delivery WHERE id = ? AND merchant_id = ?")) {
            select.setObject(1, id);
            select.setObject(2, merchantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(view(row)) : Optional.empty();
            }
        }
    }

    /** The event a delivery carries, to deliver it again. */
    public Optional<WebhookEvent> event(Connection connection, UUID merchantId, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT event_id, event_type, occurred_at, body "
                + "FROM payments.webhook_delivery WHERE id = ? AND merchant_id = ?")) {
            select.setObject(1, id);
            select.setObject(2, merchantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new WebhookEvent(row.getObject(1, UUID.class), row.getString(2),
                        row.getTimestamp(3).toInstant(), merchantId, row.getString(4))) : Optional.empty();
            }
        }
    }

    public List<DeliveryAttempt> attempts(Connection connection, UUID deliveryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT attempt, url, started_at, duration_ms, "
                + "http_status, error FROM payments.webhook_attempt WHERE delivery_id = ? ORDER BY attempt")) {
            select.setObject(1, deliveryId);
            List<DeliveryAttempt> attempts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long millis = row.getLong(4);
                    Optional<Duration> duration = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
                    attempts.add(new DeliveryAttempt(row.getInt(1), row.getString(2), row.getTimestamp(3).toInstant(),
                            duration, Optional.ofNullable(row.getObject(5, Integer.class)),
                            Optional.ofNullable(row.getString(6))));
                }
            }
            return attempts;
        }
    }

    private static DeliveryView view(ResultSet row) throws SQLException {
        return new DeliveryView(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getString(4), DeliveryView.Status.valueOf(row.getString(5)), row.getInt(6),
                Optional.ofNullable(row.getObject(7, Integer.class)), Optional.ofNullable(row.getString(8)),
                instant(row, 9), row.getTimestamp(10).toInstant(), instant(row, 11));
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }
}
