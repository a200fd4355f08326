package io.reactivepay.payments.control;

import io.reactivepay.payments.api.ChargebackView;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code payments.chargeback}. */
@Dependent
public class ChargebackStore {

    private static final String COLUMNS = "id, payment_id, amount_minor, currency, status, reason, fee_minor, opened_at, "
            + "closed_at";

    public void insert(Connection connection, ChargebackView c, UUID merchantId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments.chargeback (id, payment_id, "
                + "merchant_id, amount_minor, currency, status, reason, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, c.id());
            insert.setObject(2, c.paymentId());
            insert.setObject(3, merchantId);
            insert.setLong(4, c.amount().minorUnits());
            insert.setString(5, c.amount().currency().getCurrencyCode());
            insert.setString(6, c.status().name());
            insert.setString(7, c.reason());
            insert.setTimestamp(8, Timestamp.from(c.openedAt()));
            insert.executeUpdate();
        }
    }

    public ChargebackView close(Connection connection, UUID id, ChargebackView.Status status, Long feeMinor)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payments.chargeback SET status = ?, "
                + "fee_minor = ?, closed_at = now() WHERE id = ? AND status = 'OPEN'")) {
            update.setString(1, status.name());
            update.setObject(2, feeMinor);
            update.setObject(3, id);
            update.executeUpdate();
        }
        return find(connection, id, false).orElseThrow();
    }

    public Optional<ChargebackView> find(Connection connection, UUID id, boolean lock) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM payments.chargeback WHERE id = ?"
                + (lock ? " FOR NO KEY UPDATE" : ""), id).stream().findFirst();
    }

    public List<ChargebackView> forPayment(Connection connection, UUID paymentId) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM payments.chargeback WHERE payment_id = ? "
                + "ORDER BY opened_at, id", paymentId);
    }

    private static List<ChargebackView> select(Connection connection, String sql, UUID key) throws SQLException {
        List<ChargebackView> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Currency currency = Currency.getInstance(r.getString(4));
                    long fee = r.getLong(7);
                    Optional<Money> feeMoney = r.wasNull() ? Optional.empty() : Optional.of(new Money(fee, currency));
                    OffsetDateTime closed = r.getObject(9, OffsetDateTime.class);
                    rows.add(new ChargebackView(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            new Money(r.getLong(3), currency), ChargebackView.Status.valueOf(r.getString(5)),
                            r.getString(6), feeMoney, r.getObject(8, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(closed).map(OffsetDateTime::toInstant)));
                }
            }
        }
        return rows;
    }
}
