package io.reactivepay.payments.control;

import io.reactivepay.payments.api.PaymentMethod;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Merchants' own commission rates ({@code payments.rate_plan}); without one, the configured default applies. */
@Dependent
public class RatePlans {

    public Optional<RatePlan> find(Connection connection, UUID merchantId, PaymentMethod method, Currency currency)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT percent, fixed_minor, minimum_minor, "
                + "maximum_minor FROM payments.rate_plan WHERE merchant_id = ? AND method = ? AND currency = ?")) {
            select.setObject(1, merchantId);
            select.setString(2, method.name());
            select.setString(3, currency.getCurrencyCode());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long maximum = row.getLong(4);
                return Optional.of(new RatePlan(row.getBigDecimal(1), row.getLong(2), row.getLong(3),
                        row.wasNull() ? OptionalLong.empty() : OptionalLong.of(maximum)));
            }
        }
    }

    /** Sets a merchant's rate for a method and currency (an administrator's change, audited by the caller). */
    public void put(Connection connection, UUID merchantId, PaymentMethod method, Currency currency, RatePlan plan)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO payments.rate_plan (merchant_id, method, currency, percent, fixed_minor, minimum_minor, maximum_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (merchant_id, method, currency) DO UPDATE SET percent = excluded.percent,
                    fixed_minor = excluded.fixed_minor, minimum_minor = excluded.minimum_minor,
                    maximum_minor = excluded.maximum_minor""")) {
            upsert.setObject(1, merchantId);
            upsert.setString(2, method.name());
            upsert.setString(3, currency.getCurrencyCode());
            upsert.setBigDecimal(4, plan.percent());
            upsert.setLong(5, plan.fixedMinor());
            upsert.setLong(6, plan.minimumMinor());
            if (plan.maximumMinor().isPresent()) {
                upsert.setLong(7, plan.maximumMinor().getAsLong());
            } else {
                upsert.setNull(7, java.sql.Types.BIGINT);
            }
            upsert.executeUpdate();
        }
    }
}
