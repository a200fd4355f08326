package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.Rule;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.RuleDefinition;
import io.reactivepay.fraud.api.RuleKind;
import io.reactivepay.fraud.api.Thresholds;
import io.reactivepay.fraud.api.TimeWindow;
import io.reactivepay.fraud.api.VelocityKey;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Versioned rules and thresholds in {@code fraud.rule} and {@code fraud.threshold}. Every change takes
 * the next rule-set version first: that serialises changes and tells every server's cache to reload.
 */
@Dependent
public class RuleStore {

    private static final String COLUMNS = "rule_key, scope, kind, action, score, enabled, currency, threshold, "
            + "velocity_key, time_window, countries, version, current, created_by, created_at";

    public Rule save(Connection connection, RuleDefinition definition, String actor) throws SQLException {
        RuleValidator.check(definition);
        bumpVersion(connection);
        String scope = scope(definition.merchantId());
        int version = 1;
        try (PreparedStatement retire = connection.prepareStatement(
                "UPDATE fraud.rule SET current = false WHERE rule_key = ? AND scope = ? AND current RETURNING version")) {
            retire.setString(1, definition.key());
            retire.setString(2, scope);
            try (ResultSet row = retire.executeQuery()) {
                if (row.next()) {
                    version = row.getInt(1) + 1;
                }
            }
        }
        String sql = "INSERT INTO fraud.rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, now()) "
                + "RETURNING " + COLUMNS;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, definition.key());
            insert.setString(2, scope);
            insert.setString(3, definition.kind().name());
            insert.setString(4, definition.action().name());
            insert.setInt(5, definition.score());
            insert.setBoolean(6, definition.enabled());
            insert.setString(7, definition.currency());
            insert.setObject(8, definition.threshold(), Types.BIGINT);
            insert.setString(9, definition.velocityKey() == null ? null : definition.velocityKey().name());
            insert.setString(10, definition.window() == null ? null : definition.window().name());
            insert.setArray(11, connection.createArrayOf("text", definition.countries().stream().sorted().toArray(String[]::new)));
            insert.setInt(12, version);
            insert.setString(13, actor);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return rule(row);
            }
        }
    }

    public void setThresholds(Connection connection, Thresholds thresholds, String actor) throws SQLException {
        bumpVersion(connection);
        String sql = "INSERT INTO fraud.threshold (scope, review_at, decline_at, created_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (scope) DO UPDATE SET review_at = excluded.review_at, decline_at = excluded.decline_at, "
                + "created_by = excluded.created_by";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, scope(thresholds.merchantId()));
            upsert.setInt(2, thresholds.reviewAt());
            upsert.setInt(3, thresholds.declineAt());
            upsert.setString(4, actor);
            upsert.executeUpdate();
        }
    }

    public List<Rule> current(Connection connection) throws SQLException {
        return select(connection, "WHERE current ORDER BY scope, rule_key");
    }

    public List<Rule> history(Connection connection, String key, String merchantId) throws SQLException {
        return select(connection, "WHERE rule_key = ? AND scope = ? ORDER BY version", key, scope(merchantId));
    }

    public long version(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM fraud.rule_set WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    public RuleSet load(Connection connection) throws SQLException {
        long version = version(connection);
        List<Rule> global = new ArrayList<>();
        Map<String, Map<String, Rule>> byMerchant = new HashMap<>();
        for (Rule rule : current(connection)) {
            String merchant = rule.definition().merchantId();
            if (merchant == null) {
                global.add(rule);
            } else {
                byMerchant.computeIfAbsent(merchant, m -> new TreeMap<>()).put(rule.definition().key(), rule);
            }
        }
        Map<String, Thresholds> thresholds = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT scope, review_at, decline_at FROM fraud.threshold");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String scope = row.getString(1);
                thresholds.put(scope, new Thresholds(merchant(scope), row.getInt(2), row.getInt(3)));
            }
        }
        return new RuleSet(version, List.copyOf(global), byMerchant, Map.copyOf(thresholds));
    }

    private static void bumpVersion(Connection connection) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement("UPDATE fraud.rule_set SET version = version + 1 WHERE id = 1")) {
            bump.executeUpdate();
        }
    }

    private static List<Rule> select(Connection connection, String where, String... parameters) throws SQLException {
        List<Rule> rules = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM fraud.rule " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rules.add(rule(row));
                }
            }
        }
        return rules;
    }

    private static Rule rule(ResultSet row) throws SQLException {
        long threshold = row.getLong(8);
        Long thresholdOrNull = row.wasNull() ? null : threshold;
        String velocityKey = row.getString(9);
        String window = row.getString(10);
        RuleDefinition definition = new RuleDefinition(row.getString(1), merchant(row.getString(2)),
                RuleKind.valueOf(row.getString(3)), RuleAction.valueOf(row.getString(4)), row.getInt(5), row.getBoolean(6),
                Optional.ofNullable(row.getString(7)).map(String::trim).orElse(null), thresholdOrNull,
                velocityKey == null ? null : VelocityKey.valueOf(velocityKey), window == null ? null : TimeWindow.valueOf(window),
                Set.of((String[]) row.getArray(11).getArray()));
        return new Rule(definition, row.getInt(12), row.getBoolean(13), row.getString(14),
                row.getObject(15, OffsetDateTime.class).toInstant());
    }

    private static String scope(String merchantId) {
        return merchantId == null ? RuleSet.GLOBAL : merchantId;
    }

    private static String merchant(String scope) {
        return RuleSet.GLOBAL.equals(scope) ? null : scope;
    }
}
