package io.reactivepay.payments.control;

import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.Commission;
import io.reactivepay.payments.api.Customer;
import io.reactivepay.payments.api.Page;
import io.reactivepay.payments.api.PaymentMethod;
import io.reactivepay.payments.api.PaymentQuery;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Risk;
import io.reactivepay.platform.json.Jsons;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The {@code payments.payment} rows: plain JDBC, written whole after each transition. */
@Dependent
public class PaymentStore {

    private static final String COLUMNS = "id, merchant_id, reference, description, status, method, capture_mode, "
            + "amount_minor, currency, captured_minor, refunded_minor, refunding_minor, fee_minor, fee_percent, "
            + "fee_fixed_minor, fee_minimum_minor, fee_maximum_minor, risk::text, card_token, card_masked, wallet_id, "
            + "customer_profile_id, client_token, return_url, challenge_url, acquirer_request_id, acquirer_reference, "
            + "hold_id, decline_reason, authorisation_expires_at, status_before_chargeback, next_check_at, "
            + "customer::text, metadata::text, created_at, updated_at";

    private static final String INSERT = "INSERT INTO payments.payment (" + COLUMNS.replace("::text", "") + ") VALUES ("
            + java.util.Arrays.stream(COLUMNS.split(", "))
                    .map(column -> column.endsWith("::text") ? "?::jsonb" : "?")
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";

    public void insert(Connection connection, PaymentRecord p) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, p);
            insert.executeUpdate();
        }
    }

    /** Writes every changeable column of a row read (and locked) in this transaction. */
    public void update(Connection connection, PaymentRecord p) throws SQLException {
        p.updatedAt = Instant.now();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE payments.payment SET status = ?, captured_minor = ?, refunded_minor = ?, refunding_minor = ?,
                    fee_minor = ?, fee_percent = ?, fee_fixed_minor = ?, fee_minimum_minor = ?, fee_maximum_minor = ?,
                    risk = ?::jsonb, card_token = ?, card_masked = ?, client_token = ?, challenge_url = ?,
                    acquirer_request_id = ?, acquirer_reference = ?, hold_id = ?, decline_reason = ?,
                    authorisation_expires_at = ?, status_before_chargeback = ?, next_check_at = ?, updated_at = ?,
                    customer_profile_id = ?
                WHERE id = ?""")) {
            int i = 0;
            update.setString(++i, p.status.name());
            update.setLong(++i, p.capturedMinor);
            update.setLong(++i, p.refundedMinor);
            update.setLong(++i, p.refundingMinor);
            i = bindCommission(update, i, p.commission);
            update.setString(++i, p.risk == null ? null : riskJson(p.risk));
            update.setObject(++i, p.cardToken);
            update.setString(++i, p.cardMasked);
            update.setString(++i, p.clientToken);
            update.setString(++i, p.challengeUrl == null ? null : p.challengeUrl.toString());
            update.setString(++i, p.acquirerRequestId);
            update.setString(++i, p.acquirerReference);
            update.setObject(++i, p.holdId);
            update.setString(++i, p.declineReason);
            update.setTimestamp(++i, timestamp(p.authorisationExpiresAt));
            update.setString(++i, p.statusBeforeChargeback == null ? null : p.statusBeforeChargeback.name());
            update.setTimestamp(++i, timestamp(p.nextCheckAt));
            update.setTimestamp(++i, timestamp(p.updatedAt));
            update.setObject(++i, p.customerProfileId);
            update.setObject(++i, p.id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Payment " + p.id + " vanished");
            }
        }
    }

    public Optional<PaymentRecord> find(Connection connection, UUID id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM payments.payment WHERE id = ?", id);
    }

    /** The payment locked for a transition; another merchant's payment is not found. */
    public PaymentRecord lock(Connection connection, UUID merchantId, UUID id) throws SQLException {
        Optional<PaymentRecord> found = lock(connection, id);
        if (found.isEmpty() || (merchantId != null && !found.get().merchantId.equals(merchantId))) {
            throw new PaymentsException(PaymentsException.PAYMENT_NOT_FOUND, "No payment " + id);
        }
        return found.get();
    }

    public Optional<PaymentRecord> lock(Connection connection, UUID id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM payments.payment WHERE id = ? FOR NO KEY UPDATE", id);
    }

    public Optional<PaymentRecord> findByClientToken(Connection connection, String clientToken, boolean lock)
            throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM payments.payment WHERE client_token = ?"
                + (lock ? " FOR NO KEY UPDATE" : ""), clientToken);
    }

    /**
     * Payments whose outcome the acquirer still owes us and whose next check is due, locked and skipped by
     * other instances; the caller moves {@code next_check_at} on in the same transaction (a lease).
     */
    public List<PaymentRecord> lockUnresolved(Connection connection, int limit) throws SQLException {
        return many(connection, "SELECT " + COLUMNS + " FROM payments.payment WHERE status IN ('AUTHORISING', "
                + "'ACTION_REQUIRED') AND acquirer_request_id IS NOT NULL AND next_check_at <= now() "
                + "ORDER BY next_check_at LIMIT ? FOR NO KEY UPDATE SKIP LOCKED", limit);
    }

    public List<PaymentRecord> lockExpired(Connection connection, int limit) throws SQLException {
        return many(connection, "SELECT " + COLUMNS + " FROM payments.payment WHERE status = 'AUTHORISED' "
                + "AND authorisation_expires_at <= now() ORDER BY authorisation_expires_at LIMIT ? "
                + "FOR NO KEY UPDATE SKIP LOCKED", limit);
    }

    /** A page of the merchant's payments, newest first; the cursor is the last row's (created_at, id). */
    public Page<PaymentRecord> list(Connection connection, UUID merchantId, PaymentQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM payments.payment WHERE merchant_id = ?");
        List<Object> args = new ArrayList<>(List.of(merchantId));
        query.status().ifPresent(s -> add(sql, args, " AND status = ?", s.name()));
        query.from().ifPresent(t -> add(sql, args, " AND created_at >= ?", Timestamp.from(t)));
        query.to().ifPresent(t -> add(sql, args, " AND created_at < ?", Timestamp.from(t)));
        query.minAmount().ifPresent(a -> add(sql, args, " AND amount_minor >= ?", a));
        query.maxAmount().ifPresent(a -> add(sql, args, " AND amount_minor <= ?", a));
        query.reference().ifPresent(r -> add(sql, args, " AND reference = ?", r));
        if (query.cursor().isPresent()) {
            String[] cursor = decodeCursor(query.cursor().get());
            sql.append(" AND (created_at, id) < (?, ?)");
            args.add(Timestamp.from(Instant.parse(cursor[0])));
            args.add(UUID.fromString(cursor[1]));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(query.limit() + 1);
        List<PaymentRecord> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(read(row));
                }
            }
        }
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<PaymentRecord> page = rows.subList(0, query.limit());
        PaymentRecord last = page.get(page.size() - 1);
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt + "|" + last.id)
                .getBytes(StandardCharsets.UTF_8));
        return new Page<>(page, Optional.of(cursor));
    }

    private static String[] decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw PaymentsException.invalid("cursor", "Not a cursor this API gave out");
        }
    }

    private static void add(StringBuilder sql, List<Object> args, String clause, Object value) {
        sql.append(clause);
        args.add(value);
    }

    private Optional<PaymentRecord> one(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private List<PaymentRecord> many(Connection connection, String sql, int limit) throws SQLException {
        List<PaymentRecord> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(read(row));
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement s, PaymentRecord p) throws SQLException {
        int i = 0;
        s.setObject(++i, p.id);
        s.setObject(++i, p.merchantId);
        s.setString(++i, p.reference);
        s.setString(++i, p.description);
        s.setString(++i, p.status.name());
        s.setString(++i, p.method.name());
        s.setString(++i, p.capture.name());
        s.setLong(++i, p.amount.minorUnits());
        s.setString(++i, p.amount.currency().getCurrencyCode());
        s.setLong(++i, p.capturedMinor);
        s.setLong(++i, p.refundedMinor);
        s.setLong(++i, p.refundingMinor);
        i = bindCommission(s, i, p.commission);
        s.setString(++i, p.risk == null ? null : riskJson(p.risk));
        s.setObject(++i, p.cardToken);
        s.setString(++i, p.cardMasked);
        s.setObject(++i, p.walletId);
        s.setObject(++i, p.customerProfileId);
        s.setString(++i, p.clientToken);
        s.setString(++i, p.returnUrl == null ? null : p.returnUrl.toString());
        s.setString(++i, p.challengeUrl == null ? null : p.challengeUrl.toString());
        s.setString(++i, p.acquirerRequestId);
        s.setString(++i, p.acquirerReference);
        s.setObject(++i, p.holdId);
        s.setString(++i, p.declineReason);
        s.setTimestamp(++i, timestamp(p.authorisationExpiresAt));
        s.setString(++i, p.statusBeforeChargeback == null ? null : p.statusBeforeChargeback.name());
        s.setTimestamp(++i, timestamp(p.nextCheckAt));
        s.setString(++i, customerJson(p.customer));
        s.setString(++i, mapJson(p.metadata));
        s.setTimestamp(++i, timestamp(p.createdAt));
        s.setTimestamp(++i, timestamp(p.updatedAt));
    }

    private static int bindCommission(PreparedStatement s, int i, Commission c) throws SQLException {
        if (c == null) {
            for (int k = 0; k < 5; k++) {
                s.setNull(++i, k == 1 ? Types.NUMERIC : Types.BIGINT);
            }
            return i;
        }
        s.setLong(++i, c.fee().minorUnits());
        s.setBigDecimal(++i, c.percent());
        s.setLong(++i, c.fixed().minorUnits());
        s.setLong(++i, c.minimum().minorUnits());
        if (c.maximum().isPresent()) {
            s.setLong(++i, c.maximum().get().minorUnits());
        } else {
            s.setNull(++i, Types.BIGINT);
        }
        return i;
    }

    static PaymentRecord read(ResultSet r) throws SQLException {
        PaymentRecord p = new PaymentRecord();
        Currency currency = Currency.getInstance(r.getString("currency"));
        p.id = r.getObject("id", UUID.class);
        p.merchantId = r.getObject("merchant_id", UUID.class);
        p.reference = r.getString("reference");
        p.description = r.getString("description");
        p.status = PaymentStatus.valueOf(r.getString("status"));
        p.method = PaymentMethod.valueOf(r.getString("method"));
        p.capture = CaptureMode.valueOf(r.getString("capture_mode"));
        p.amount = new Money(r.getLong("amount_minor"), currency);
        p.capturedMinor = r.getLong("captured_minor");
        p.refundedMinor = r.getLong("refunded_minor");
        p.refundingMinor = r.getLong("refunding_minor");
        long fee = r.getLong("fee_minor");
        if (!r.wasNull()) {
            long maximum = r.getLong("fee_maximum_minor");
            OptionalLong max = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(maximum);
            p.commission = new Commission(new Money(fee, currency), r.getBigDecimal("fee_percent").stripTrailingZeros(),
                    new Money(r.getLong("fee_fixed_minor"), currency), new Money(r.getLong("fee_minimum_minor"), currency),
                    max.isPresent() ? Optional.of(new Money(max.getAsLong(), currency)) : Optional.empty());
        }
        String risk = r.getString("risk");
        p.risk = risk == null ? null : risk(risk);
        p.cardToken = r.getObject("card_token", UUID.class);
        p.cardMasked = r.getString("card_masked");
        p.walletId = r.getObject("wallet_id", UUID.class);
        p.customerProfileId = r.getObject("customer_profile_id", UUID.class);
        p.clientToken = r.getString("client_token");
        String returnUrl = r.getString("return_url");
        p.returnUrl = returnUrl == null ? null : URI.create(returnUrl);
        String challenge = r.getString("challenge_url");
        p.challengeUrl = challenge == null ? null : URI.create(challenge);
        p.acquirerRequestId = r.getString("acquirer_request_id");
        p.acquirerReference = r.getString("acquirer_reference");
        p.holdId = r.getObject("hold_id", UUID.class);
        p.declineReason = r.getString("decline_reason");
        p.authorisationExpiresAt = instant(r, "authorisation_expires_at");
        String before = r.getString("status_before_chargeback");
        p.statusBeforeChargeback = before == null ? null : PaymentStatus.valueOf(before);
        p.nextCheckAt = instant(r, "next_check_at");
        p.customer = customer(r.getString("customer"));
        p.metadata = map(r.getString("metadata"));
        p.createdAt = instant(r, "created_at");
        p.updatedAt = instant(r, "updated_at");
        return p;
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String riskJson(Risk risk) {
        var rules = Jsons.PROVIDER.createArrayBuilder();
        risk.rules().forEach(rule -> rules.add(Jsons.PROVIDER.createObjectBuilder().add("key", rule.key())
                .add("score", rule.score())));
        return Jsons.PROVIDER.createObjectBuilder().add("verdict", risk.verdict()).add("score", risk.score())
                .add("rules", rules).build().toString();
    }

    private static Risk risk(String json) {
        JsonObject o = parse(json);
        return new Risk(o.getString("verdict"), o.getInt("score"), o.getJsonArray("rules").getValuesAs(JsonObject.class)
                .stream().map(rule -> new Risk.Rule(rule.getString("key"), rule.getInt("score"))).toList());
    }

    private static String customerJson(Customer c) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder();
        if (c.email() != null) {
            o.add("email", c.email());
        }
        if (c.phone() != null) {
            o.add("phone", c.phone());
        }
        if (c.ip() != null) {
            o.add("ip", c.ip());
        }
        if (c.country() != null) {
            o.add("country", c.country());
        }
        if (c.deviceId() != null) {
            o.add("deviceId", c.deviceId());
        }
        return o.build().toString();
    }

    private static Customer customer(String json) {
        JsonObject o = parse(json);
        return new Customer(o.getString("email", null), o.getString("phone", null), o.getString("ip", null),
                o.getString("country", null), o.getString("deviceId", null));
    }

    private static String mapJson(Map<String, String> map) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder();
        map.forEach(o::add);
        return o.build().toString();
    }

    private static Map<String, String> map(String json) {
        Map<String, String> map = new HashMap<>();
        parse(json).forEach((k, v) -> map.put(k, ((jakarta.json.JsonString) v).getString()));
        return map;
    }

    private static JsonObject parse(String json) {
        return Jsons.PROVIDER.createReader(new StringReader(json)).readObject();
    }
}
