package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FiredRule;
import io.reactivepay.fraud.api.HeldScreening;
import io.reactivepay.fraud.api.RuleAction;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.TransactionKind;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.api.VelocityKey;
import io.reactivepay.platform.json.Jsons;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Screenings in {@code fraud.screening}: the decision with its fired rules, and the review of held ones. */
@Dependent
public class ScreeningStore {

    /** What a later decline needs to count against the same parties. */
    public record Counted(String currency, List<VelocityCounters.Key> keys) {
    }

    private static final String DECISION = "reference, verdict, score, fired::text, rule_set";

    public Optional<Decision> find(Connection connection, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + DECISION + " FROM fraud.screening WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(decision(row)) : Optional.empty();
            }
        }
    }

    /** The stored decisions among the references bound by {@link #bindFind}, read by {@link #decisions}. */
    static final String FIND_MANY = "SELECT " + DECISION + " FROM fraud.screening WHERE reference = ANY (?)";

    static int bindFind(PreparedStatement select, int at, List<String> references) throws SQLException {
        select.setArray(at + 1, select.getConnection().createArrayOf("text", references.toArray(String[]::new)));
        return at + 1;
    }

    static Map<String, Decision> decisions(ResultSet row) throws SQLException {
        Map<String, Decision> decisions = new HashMap<>();
        while (row.next()) {
            Decision decision = decision(row);
            decisions.put(decision.reference(), decision);
        }
        return decisions;
    }

    /** A decision to store, with the keys it counted. */
    public record Screened(ScreeningRequest request, Decision decision, List<VelocityCounters.Key> keys) {
    }

    /**
     * Stores the decisions with one statement, the declines counted in the rows the screenings counted
     * and locked; returns the references that another transaction stored meanwhile (nothing is stored
     * for them).
     */
    public List<String> insertAll(Connection connection, List<Screened> screenings, Instant now) throws SQLException {
        String sql = VelocityCounters.DECLINES_FIRST + "INSERT INTO fraud.screening (reference, kind, merchant_id, amount_minor, "
                + "currency, verdict, score, fired, rule_set, dimensions, key_hashes, status, screened_at) "
                + "SELECT s.reference, s.kind, s.merchant_id, s.amount, s.currency, s.verdict, s.score, s.fired::jsonb, s.rule_set, "
                + "s.dimensions::text[], s.key_hashes::bytea[], s.status, ? FROM unnest(?::text[], ?::text[], ?::text[], "
                + "?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) "
                + "AS s(reference, kind, merchant_id, amount, currency, verdict, score, fired, rule_set, dimensions, key_hashes, status) "
                + "ON CONFLICT (reference) DO NOTHING RETURNING reference";
        int n = screenings.size();
        String[][] text = new String[10][n];
        Long[] amounts = new Long[n];
        Integer[] scores = new Integer[n];
        Long[] ruleSets = new Long[n];
        List<VelocityCounters.Contribution> declined = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ScreeningRequest request = screenings.get(i).request();
            Decision decision = screenings.get(i).decision();
            List<VelocityCounters.Key> keys = screenings.get(i).keys();
            String currency = request.amount().currency().getCurrencyCode();
            if (decision.verdict() == Verdict.DECLINE) {
                declined.add(new VelocityCounters.Contribution(request.reference(), keys, currency, 0));
            }
            text[0][i] = request.reference();
            text[1][i] = request.kind().name();
            text[2][i] = request.merchantId();
            amounts[i] = request.amount().minorUnits();
            text[3][i] = currency;
            text[4][i] = decision.verdict().name();
            scores[i] = decision.score();
            text[5][i] = json(decision.fired());
            ruleSets[i] = decision.ruleSet();
            // array literals: dimension names are identifiers; hashes in bytea's hex form
            text[6][i] = keys.stream().map(k -> k.dimension().name()).collect(Collectors.joining(",", "{", "}"));
            text[7][i] = keys.stream().map(k -> "\"\\\\x" + HexFormat.of().formatHex(k.hash()) + "\"")
                    .collect(Collectors.joining(",", "{", "}"));
            text[8][i] = switch (decision.verdict()) {
                case ALLOW -> "ALLOWED";
                case REVIEW -> "HELD";
                case DECLINE -> "DECLINED";
            };
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            VelocityCounters.bindDeclines(insert, declined, now);
            int at = VelocityCounters.DECLINES_PARAMETERS;
            insert.setTimestamp(++at, Timestamp.from(now));
            insert.setArray(++at, connection.createArrayOf("text", text[0]));
            insert.setArray(++at, connection.createArrayOf("text", text[1]));
            insert.setArray(++at, connection.createArrayOf("text", text[2]));
            insert.setArray(++at, connection.createArrayOf("bigint", amounts));
            insert.setArray(++at, connection.createArrayOf("text", text[3]));
            insert.setArray(++at, connection.createArrayOf("text", text[4]));
            insert.setArray(++at, connection.createArrayOf("integer", scores));
            insert.setArray(++at, connection.createArrayOf("text", text[5]));
            insert.setArray(++at, connection.createArrayOf("bigint", ruleSets));
            insert.setArray(++at, connection.createArrayOf("text", text[6]));
            insert.setArray(++at, connection.createArrayOf("text", text[7]));
            insert.setArray(++at, connection.createArrayOf("text", text[8]));
            Set<String> stored = new HashSet<>();
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    stored.add(row.getString(1));
                }
            }
            return screenings.stream().map(screened -> screened.request().reference()).filter(r -> !stored.contains(r)).toList();
        }
    }

    public Optional<Counted> counted(Connection connection, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT currency, dimensions, key_hashes FROM fraud.screening WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(counted(row)) : Optional.empty();
            }
        }
    }

    public List<HeldScreening> held(Connection connection, int offset, int limit) throws SQLException {
        String sql = "SELECT " + DECISION + ", kind, merchant_id, amount_minor, currency, screened_at FROM fraud.screening "
                + "WHERE status = 'HELD' ORDER BY screened_at, reference OFFSET ? LIMIT ?";
        List<HeldScreening> held = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, offset);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.add(new HeldScreening(decision(row), TransactionKind.valueOf(row.getString(6)), row.getString(7),
                            Money.of(row.getLong(8), row.getString(9)), row.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return held;
    }

    /** Settles a held screening with the reviewer's verdict; empty if it is not held (or does not exist). */
    public Optional<Decision> review(Connection connection, String reference, Verdict verdict, String note, String reviewer,
                                     Instant now) throws SQLException {
        String sql = "UPDATE fraud.screening SET status = ?, verdict = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? "
                + "WHERE reference = ? AND status = 'HELD' RETURNING " + DECISION;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, verdict == Verdict.ALLOW ? "APPROVED" : "REJECTED");
            update.setString(2, verdict.name());
            update.setString(3, reviewer);
            update.setTimestamp(4, Timestamp.from(now));
            update.setString(5, note);
            update.setString(6, reference);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(decision(row)) : Optional.empty();
            }
        }
    }

    private static Decision decision(ResultSet row) throws SQLException {
        List<FiredRule> fired = new ArrayList<>();
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(row.getString(4)))) {
            for (JsonObject rule : reader.readArray().getValuesAs(JsonObject.class)) {
                fired.add(new FiredRule(rule.getString("rule"), rule.getInt("version"), RuleAction.valueOf(rule.getString("action")),
                        rule.getInt("score"), rule.getString("detail")));
            }
        }
        return new Decision(row.getString(1), Verdict.valueOf(row.getString(2)), row.getInt(3), fired, row.getLong(5));
    }

    private static Counted counted(ResultSet row) throws SQLException {
        String[] dimensions = (String[]) row.getArray(2).getArray();
        byte[][] hashes = (byte[][]) row.getArray(3).getArray();
        List<VelocityCounters.Key> keys = new ArrayList<>();
        for (int i = 0; i < dimensions.length; i++) {
            keys.add(new VelocityCounters.Key(VelocityKey.valueOf(dimensions[i]), hashes[i]));
        }
        return new Counted(row.getString(1), keys);
    }

    private static String json(List<FiredRule> fired) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (FiredRule rule : fired) {
            array.add(Jsons.PROVIDER.createObjectBuilder().add("rule", rule.ruleKey()).add("version", rule.version())
                    .add("action", rule.action().name()).add("score", rule.score()).add("detail", rule.detail()));
        }
        return array.build().toString();
    }
}
