package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.LevelLimits;
import io.reactivepay.accounts.api.OperationKind;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/**
 * A customer's turnover per UTC day, currency and kind. Today's and this month's totals are one range
 * read of the primary key (profile, currency, day, …), never a scan of other customers' rows.
 */
public final class Turnover {

    private static final String TODAY = "(now() AT TIME ZONE 'UTC')::date";

    public record Totals(Money today, Money month) {
    }

    private Turnover() {
    }

    public static Totals totals(Connection connection, UUID profileId, Currency currency) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT "
                + "COALESCE(sum(amount_minor) FILTER (WHERE day = " + TODAY + "), 0), COALESCE(sum(amount_minor), 0) "
                + "FROM accounts.customer_turnover WHERE profile_id = ? AND currency = ? "
                + "AND day >= date_trunc('month', " + TODAY + ")::date AND day <= " + TODAY)) {
            select.setObject(1, profileId);
            select.setString(2, currency.getCurrencyCode());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Totals(new Money(row.getLong(1), currency), new Money(row.getLong(2), currency));
            }
        }
    }

    /** A customer's turnover with the limits of their level, read together. */
    public record Checked(Totals totals, LevelLimits limits) {
    }

    /**
     * The turnover of today and this month and the four limits of the level, in one round trip: a
     * payment checks its customer's limits inside the payment's transaction, so every statement saved
     * here is saved on every payment.
     */
    public static Checked totalsAndLimits(Connection connection, UUID profileId, Currency currency, KycLevel level)
            throws SQLException {
        String prefix = "kyc." + level.name().toLowerCase(Locale.ROOT) + ".";
        try (PreparedStatement select = connection.prepareStatement("SELECT "
                + "(SELECT COALESCE(sum(amount_minor) FILTER (WHERE day = " + TODAY + "), 0) FROM accounts.customer_turnover "
                + " WHERE profile_id = ? AND currency = ? AND day >= date_trunc('month', " + TODAY + ")::date AND day <= " + TODAY + "), "
                + "(SELECT COALESCE(sum(amount_minor), 0) FROM accounts.customer_turnover "
                + " WHERE profile_id = ? AND currency = ? AND day >= date_trunc('month', " + TODAY + ")::date AND day <= " + TODAY + "), "
                + "s.value FROM unnest(?::text[]) WITH ORDINALITY AS k(key, position) "
                + "LEFT JOIN accounts.system_setting s ON s.key = k.key AND s.value_type = 'MONEY' ORDER BY k.position")) {
            select.setObject(1, profileId);
            select.setString(2, currency.getCurrencyCode());
            select.setObject(3, profileId);
            select.setString(4, currency.getCurrencyCode());
            String[] keys = {prefix + "single-payment", prefix + "daily-turnover", prefix + "monthly-turnover",
                    prefix + "balance-cap"};
            select.setArray(5, connection.createArrayOf("text", keys));
            Money[] limits = new Money[keys.length];
            Totals totals = null;
            try (ResultSet row = select.executeQuery()) {
                for (int i = 0; i < keys.length; i++) {
                    row.next();
                    totals = new Totals(new Money(row.getLong(1), currency), new Money(row.getLong(2), currency));
                    String value = row.getString(3);
                    if (value == null) {
                        throw new IllegalStateException("System setting " + keys[i] + " of type MONEY is missing");
                    }
                    limits[i] = SettingStore.money(value);
                }
            }
            return new Checked(totals, new LevelLimits(level, limits[0], limits[1], limits[2], limits[3]));
        }
    }

    public static void record(Connection connection, UUID profileId, Money amount, OperationKind kind) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO accounts.customer_turnover "
                + "(profile_id, currency, day, kind, amount_minor, operations) VALUES (?, ?, " + TODAY + ", ?, ?, 1) "
                + "ON CONFLICT (profile_id, currency, day, kind) DO UPDATE SET "
                + "amount_minor = customer_turnover.amount_minor + EXCLUDED.amount_minor, "
                + "operations = customer_turnover.operations + 1")) {
            upsert.setObject(1, profileId);
            upsert.setString(2, amount.currency().getCurrencyCode());
            upsert.setString(3, kind.name());
            upsert.setLong(4, amount.minorUnits());
            upsert.executeUpdate();
        }
    }
}
