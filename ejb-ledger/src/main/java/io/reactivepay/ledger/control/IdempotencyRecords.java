package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.LedgerException;
import jakarta.enterprise.context.Dependent;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Claims idempotency keys. The claim is a row insert under the key's primary key, so a concurrent
 * duplicate waits for the first transaction: if it commits, the duplicate sees its result; if it rolls
 * back, the duplicate goes ahead. Exactly one effect either way.
 */
@Dependent
public class IdempotencyRecords {

    /** How long keys are kept: well past the seven days a client may retry within. */
    public static final String RETENTION = "30 days";

    /** Forgets keys older than the retention, in batches; returns how many were removed. */
    public int purgeExpired(Connection connection, int limit) throws SQLException {
        String sql = "DELETE FROM ledger.idempotency WHERE ctid = ANY (ARRAY(SELECT ctid FROM ledger.idempotency "
                + "WHERE created_at < now() - interval '" + RETENTION + "' LIMIT ?))";
        try (PreparedStatement purge = connection.prepareStatement(sql)) {
            purge.setInt(1, limit);
            return purge.executeUpdate();
        }
    }

    /** A key to claim for a new result. */
    public record Claim(String clientId, String key, String operation, byte[] requestHash, UUID resultId) {
    }

    /** The first request made with a key. */
    public record Existing(String operation, byte[] requestHash, UUID resultId) {

        /** Whether {@code operation} and {@code requestHash} are that request again. */
        public boolean sameRequest(String operation, byte[] requestHash) {
            return this.operation.equals(operation) && MessageDigest.isEqual(this.requestHash, requestHash);
        }
    }

    /**
     * Claims many keys with one statement (keys must be distinct). A key another transaction is claiming
     * waits for it, as with {@link #claim}. Keys are claimed in one global order, so two batches that
     * share keys queue behind each other instead of deadlocking.
     *
     * @return per key that was already taken, the first request made with it; the others are now claimed
     */
    public Map<List<String>, Existing> claimAll(Connection connection, List<Claim> claims) throws SQLException {
        String insert = """
                INSERT INTO ledger.idempotency (client_id, key, operation, request_hash, result_id)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bytea[], ?::uuid[]) ORDER BY 1, 2
                ON CONFLICT (client_id, key) DO NOTHING RETURNING client_id, key""";
        Map<List<String>, Existing> existing = new HashMap<>();
        if (claims.isEmpty()) {
            return existing;
        }
        Set<List<String>> taken = new HashSet<>();
        claims.forEach(claim -> taken.add(List.of(claim.clientId(), claim.key())));
        try (PreparedStatement claim = connection.prepareStatement(insert)) {
            claim.setArray(1, connection.createArrayOf("text", claims.stream().map(Claim::clientId).toArray()));
            claim.setArray(2, connection.createArrayOf("text", claims.stream().map(Claim::key).toArray()));
            claim.setArray(3, connection.createArrayOf("text", claims.stream().map(Claim::operation).toArray()));
            claim.setArray(4, connection.createArrayOf("bytea", claims.stream().map(Claim::requestHash).toArray(byte[][]::new)));
            claim.setArray(5, connection.createArrayOf("uuid", claims.stream().map(Claim::resultId).toArray()));
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    taken.remove(List.of(row.getString(1), row.getString(2)));
                }
            }
        }
        if (taken.isEmpty()) {
            return existing;
        }
        String select = """
                SELECT i.client_id, i.key, i.operation, i.request_hash, i.result_id FROM ledger.idempotency i
                JOIN unnest(?::text[], ?::text[]) AS t(client_id, key) ON i.client_id = t.client_id AND i.key = t.key""";
        try (PreparedStatement first = connection.prepareStatement(select)) {
            first.setArray(1, connection.createArrayOf("text", taken.stream().map(key -> key.get(0)).toArray()));
            first.setArray(2, connection.createArrayOf("text", taken.stream().map(key -> key.get(1)).toArray()));
            try (ResultSet row = first.executeQuery()) {
                while (row.next()) {
                    existing.put(List.of(row.getString(1), row.getString(2)),
                            new Existing(row.getString(3), row.getBytes(4), row.getObject(5, UUID.class)));
                }
            }
        }
        if (existing.size() != taken.size()) {
            throw new IllegalStateException("Idempotency keys vanished during their claim: " + taken);
        }
        return existing;
    }

    /** Gives claimed keys back, so that the refused requests that claimed them leave no trace. */
    public void release(Connection connection, List<Claim> claims) throws SQLException {
        if (claims.isEmpty()) {
            return;
        }
        String delete = """
                DELETE FROM ledger.idempotency i USING unnest(?::text[], ?::text[]) AS t(client_id, key)
                WHERE i.client_id = t.client_id AND i.key = t.key""";
        try (PreparedStatement release = connection.prepareStatement(delete)) {
            release.setArray(1, connection.createArrayOf("text", claims.stream().map(Claim::clientId).toArray()));
            release.setArray(2, connection.createArrayOf("text", claims.stream().map(Claim::key).toArray()));
            release.executeUpdate();
        }
    }

    /**
     * Claims the key for a new result, or returns the result of the first request with this key.
     *
     * @throws LedgerException {@link LedgerException#IDEMPOTENCY_CONFLICT} if the key was used for another request
     */
    public Optional<UUID> claim(Connection connection, String clientId, String key, String operation, byte[] requestHash,
                                UUID newResultId) throws SQLException {
        Existing first = claimAll(connection, List.of(new Claim(clientId, key, operation, requestHash, newResultId)))
                .get(List.of(clientId, key));
        if (first == null) {
            return Optional.empty();
        }
        if (!first.sameRequest(operation, requestHash)) {
            throw conflict(key);
        }
        return Optional.of(first.resultId());
    }

    public static LedgerException conflict(String key) {
        return new LedgerException(LedgerException.IDEMPOTENCY_CONFLICT, "Idempotency key '" + key
                + "' was already used for a different request");
    }
}
