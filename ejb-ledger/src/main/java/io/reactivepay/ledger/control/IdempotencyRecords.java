package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.LedgerException;
import jakarta.enterprise.context.Dependent;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
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

    /**
     * Claims the key for a new result, or returns the result of the first request with this key.
     *
     * @throws LedgerException {@link LedgerException#IDEMPOTENCY_CONFLICT} if the key was used for another request
     */
    public Optional<UUID> claim(Connection connection, String clientId, String key, String operation, byte[] requestHash,
                                UUID newResultId) throws SQLException {
        String insert = """
                INSERT INTO ledger.idempotency (client_id, key, operation, request_hash, result_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (client_id, key) DO NOTHING""";
        try (PreparedStatement claim = connection.prepareStatement(insert)) {
            claim.setString(1, clientId);
            claim.setString(2, key);
            claim.setString(3, operation);
            claim.setBytes(4, requestHash);
            claim.setObject(5, newResultId);
            if (claim.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        String select = "SELECT operation, request_hash, result_id FROM ledger.idempotency WHERE client_id = ? AND key = ?";
        try (PreparedStatement first = connection.prepareStatement(select)) {
            first.setString(1, clientId);
            first.setString(2, key);
            try (ResultSet row = first.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Idempotency key vanished during its claim: " + key);
                }
                if (!row.getString(1).equals(operation) || !MessageDigest.isEqual(row.getBytes(2), requestHash)) {
                    throw new LedgerException(LedgerException.IDEMPOTENCY_CONFLICT, "Idempotency key '" + key
                            + "' was already used for a different request");
                }
                return Optional.of(row.getObject(3, UUID.class));
            }
        }
    }
}
