package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.LimitedOperation;
import io.reactivepay.accounts.api.LevelLimits;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Whose turnover in which currency. */
    public record Key(UUID profileId, Currency currency) {
    }

    /**
     * Today's and this month's totals of each key, and the limits of every level, in one round trip:
     * payments check limits inside their transaction, so every statement saved here is saved on every
     * batch of payments. Read after the customers are locked, it sees the turnover of every operation
     * that held their locks before.
     */
    public static Checked totalsAndLimits(Connection connection, Collection<Key> keys) throws SQLException {
        List<Key> ordered = List.copyOf(keys);
        List<String> settings = new ArrayList<>();
        for (KycLevel level : KycLevel.values()) {
            for (String limit : LIMITS) {
                settings.add(prefix(level) + limit);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT k.position, "
                + "COALESCE(sum(t.amount_minor) FILTER (WHERE t.day = " + TODAY + "), 0), COALESCE(sum(t.amount_minor), 0) "
                + "FROM unnest(?::uuid[], ?::char(3)[]) WITH ORDINALITY AS k(profile_id, currency, position) "
                + "LEFT JOIN accounts.customer_turnover t ON t.profile_id = k.profile_id AND t.currency = k.currency "
                + "AND t.day >= date_trunc('month', " + TODAY + ")::date AND t.day <= " + TODAY + " GROUP BY k.position; "
                + "SELECT key, value FROM accounts.system_setting WHERE key = ANY (?) AND value_type = 'MONEY'")) {
            select.setArray(1, connection.createArrayOf("uuid", ordered.stream().map(Key::profileId).toArray()));
            select.setArray(2, connection.createArrayOf("text", ordered.stream().map(k -> k.currency().getCurrencyCode()).toArray()));
            select.setArray(3, connection.createArrayOf("text", settings.toArray()));
            select.execute();
            Map<Key, Totals> totals = new HashMap<>();
            try (ResultSet row = select.getResultSet()) {
                while (row.next()) {
                    Key key = ordered.get(row.getInt(1) - 1);
                    totals.put(key, new Totals(new Money(row.getLong(2), key.currency()), new Money(row.getLong(3), key.currency())));
                }
            }
            select.getMoreResults();
            Map<String, Money> values = new HashMap<>();
            try (ResultSet row = select.getResultSet()) {
                while (row.next()) {
                    values.put(row.getString(1), SettingStore.money(row.getString(2)));
                }
            }
            Map<KycLevel, LevelLimits> limits = new EnumMap<>(KycLevel.class);
            for (KycLevel level : KycLevel.values()) {
                Money[] money = new Money[LIMITS.size()];
                for (int i = 0; i < money.length; i++) {
                    String key = prefix(level) + LIMITS.get(i);
                    money[i] = values.get(key);
                    if (money[i] == null) {
                        throw new IllegalStateException("System setting " + key + " of type MONEY is missing");
                    }
                }
                limits.put(level, new LevelLimits(level, money[0], money[1], money[2], money[3]));
            }
            return new Checked(totals, limits);
        }
    }

    /** The totals of each key asked for, and the limits of every level. */
    public record Checked(Map<Key, Totals> totals, Map<KycLevel, LevelLimits> limits) {
    }

    /** Records the operations as today's turnover with one statement, in key order (the rows' lock order). */
    public static void recordAll(Connection connection, List<LimitedOperation> operations) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO accounts.customer_turnover "
                + "(profile_id, currency, day, kind, amount_minor, operations) "
                + "SELECT o.profile_id, o.currency, " + TODAY + ", o.kind, sum(o.amount), count(*) "
                + "FROM unnest(?::uuid[], ?::char(3)[], ?::text[], ?::bigint[]) AS o(profile_id, currency, kind, amount) "
                + "GROUP BY o.profile_id, o.currency, o.kind ORDER BY o.profile_id, o.currency, o.kind "
                + "ON CONFLICT (profile_id, currency, day, kind) DO UPDATE SET "
                + "amount_minor = customer_turnover.amount_minor + EXCLUDED.amount_minor, "
                + "operations = customer_turnover.operations + EXCLUDED.operations")) {
            upsert.setArray(1, connection.createArrayOf("uuid", operations.stream().map(LimitedOperation::profileId).toArray()));
            upsert.setArray(2, connection.createArrayOf("text", operations.stream()
                    .map(o -> o.amount().currency().getCurrencyCode()).toArray()));
            upsert.setArray(3, connection.createArrayOf("text", operations.stream().map(o -> o.kind().name()).toArray()));
            upsert.setArray(4, connection.createArrayOf("bigint", operations.stream().map(o -> o.amount().minorUnits()).toArray()));
            upsert.executeUpdate();
        }
    }

    private static final List<String> LIMITS = List.of("single-payment", "daily-turnover", "monthly-turnover", "balance-cap");

    private static String prefix(KycLevel level) {
        return "kyc." + level.name().toLowerCase(Locale.ROOT) + ".";
    }
}
