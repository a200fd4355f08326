package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditVerification;
import io.reactivepay.platform.json.Jsons;
import jakarta.enterprise.context.Dependent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Appends to and verifies the audit chain. Appends are serialised by a transaction-scoped advisory
 * lock, so the chain follows the id order even with several server instances.
 */
@Dependent
public class AuditChain {

    private static final long CHAIN_LOCK = 0x4155_4449_5431L;
    private static final byte[] GENESIS = new byte[32];

    public void append(Connection connection, AuditEvent event) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.executeQuery().close();
        }
        byte[] previous = GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT hash FROM accounts.audit_log ORDER BY id DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            if (row.next()) {
                previous = row.getBytes(1);
            }
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String details = json(event.details());
        byte[] hash = hash(previous, at, event.actor(), event.action(), event.objectType(), event.objectId(),
                event.source(), details);
        String sql = "INSERT INTO accounts.audit_log (at, actor, action, object_type, object_id, source, details, "
                + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, event.actor());
            insert.setString(3, event.action());
            insert.setString(4, event.objectType());
            insert.setString(5, event.objectId());
            insert.setString(6, event.source());
            insert.setString(7, details);
            insert.setBytes(8, previous);
            insert.setBytes(9, hash);
            insert.executeUpdate();
        }
    }

    public AuditVerification verify(Connection connection) throws SQLException {
        String sql = "SELECT id, at, actor, action, object_type, object_id, source, details::text, prev_hash, hash "
                + "FROM accounts.audit_log ORDER BY id";
        byte[] previous = GENESIS;
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(1_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows++;
                    byte[] expected = hash(previous, row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            canonical(row.getString(8)));
                    if (!MessageDigest.isEqual(previous, row.getBytes(9)) || !MessageDigest.isEqual(expected, row.getBytes(10))) {
                        return new AuditVerification(rows, Optional.of(row.getLong(1)));
                    }
                    previous = row.getBytes(10);
                }
            }
        }
        return new AuditVerification(rows, Optional.empty());
    }

    private static byte[] hash(byte[] previous, Instant at, String... fields) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            update(sha256, at.toString());
            for (String field : fields) {
                update(sha256, field);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    /** Details as JSON with sorted keys, so the text hashed at append equals the text read back. */
    private static String json(Map<String, String> details) {
        jakarta.json.JsonObjectBuilder object = Jsons.PROVIDER.createObjectBuilder();
        new TreeMap<>(details).forEach(object::add);
        return object.build().toString();
    }

    private static String canonical(String storedJson) {
        Map<String, String> details = new TreeMap<>();
        Jsons.PROVIDER.createReader(new java.io.StringReader(storedJson)).readObject()
                .forEach((key, value) -> details.put(key, ((jakarta.json.JsonString) value).getString()));
        return json(details);
    }
}
