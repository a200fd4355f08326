package io.reactivepay.payments.control;

import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Idempotency of money-moving calls, in {@code payments.receipt}. A call first {@link #claim}s its key
 * in its own transaction: the insert of a key that a concurrent transaction has claimed waits for it,
 * so duplicates are serialised on the key and the later one reads the first one's answer.
 */
@Dependent
public class Receipts {

    /** What a claim found: the key is new and now ours, or an earlier call's answer to give back. */
    public sealed interface Claim {
        record Claimed() implements Claim {
        }

        /** The earlier call with this key; {@code receipt} is empty while its answer is not written yet. */
        record Earlier(Optional<UUID> resourceId, Optional<Receipt> receipt) implements Claim {
        }
    }

    /**
     * Claims the call's key, or finds the earlier call with it.
     *
     * @throws PaymentsException {@link PaymentsException#IDEMPOTENCY_KEY_REUSED} if the earlier call
     *                           was a different request
     */
    public Claim claim(Connection connection, MerchantCall call) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments.receipt (merchant_id, idempotency_key, request_digest) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")) {
            insert.setObject(1, call.merchantId());
            insert.setString(2, call.idempotencyKey());
            insert.setString(3, call.requestDigest());
            if (insert.executeUpdate() == 1) {
                return new Claim.Claimed();
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT request_digest, resource_id, http_status, body FROM payments.receipt "
                        + "WHERE merchant_id = ? AND idempotency_key = ?")) {
            select.setObject(1, call.merchantId());
            select.setString(2, call.idempotencyKey());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("A conflicting receipt vanished: receipts are never deleted young");
                }
                if (!row.getString(1).equals(call.requestDigest())) {
                    throw new PaymentsException(PaymentsException.IDEMPOTENCY_KEY_REUSED,
                            "This idempotency key was used for a different request");
                }
                String body = row.getString(4);
                return new Claim.Earlier(Optional.ofNullable(row.getObject(2, UUID.class)),
                        body == null ? Optional.empty() : Optional.of(new Receipt(row.getInt(3), body, true)));
            }
        }
    }

    /**
     * {@link #claim} for the distinct keys of a batch with one insert for all; only keys found taken are
     * read one by one. Keys are inserted in key order, so two batches that share keys wait for each
     * other instead of deadlocking.
     */
    public List<Claim> claimAll(Connection connection, List<MerchantCall> calls) throws SQLException {
        List<MerchantCall> ordered = new ArrayList<>(calls);
        ordered.sort(Comparator.comparing(MerchantCall::merchantId).thenComparing(MerchantCall::idempotencyKey));
        Set<String> claimed = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments.receipt (merchant_id, idempotency_key, request_digest) "
                        + "SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING "
                        + "RETURNING merchant_id, idempotency_key")) {
            insert.setArray(1, connection.createArrayOf("uuid", ordered.stream().map(MerchantCall::merchantId).toArray()));
            insert.setArray(2, connection.createArrayOf("text", ordered.stream().map(MerchantCall::idempotencyKey).toArray()));
            insert.setArray(3, connection.createArrayOf("text", ordered.stream().map(MerchantCall::requestDigest).toArray()));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    claimed.add(row.getObject(1, UUID.class) + " " + row.getString(2));
                }
            }
        }
        List<Claim> claims = new ArrayList<>(calls.size());
        for (MerchantCall call : calls) {
            claims.add(claimed.contains(call.merchantId() + " " + call.idempotencyKey()) ? new Claim.Claimed()
                    : claim(connection, call));
        }
        return claims;
    }

    /** Writes the answers of many claimed calls (distinct keys) with one statement (group commit). */
    public void completeAll(Connection connection, List<MerchantCall> calls, List<UUID> resourceIds, List<Receipt> answers)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.receipt r SET resource_id = a.resource_id, http_status = a.status, body = a.body "
                        + "FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::int[], ?::text[]) "
                        + "AS a(merchant_id, idempotency_key, resource_id, status, body) "
                        + "WHERE r.merchant_id = a.merchant_id AND r.idempotency_key = a.idempotency_key")) {
            update.setArray(1, connection.createArrayOf("uuid", calls.stream().map(MerchantCall::merchantId).toArray()));
            update.setArray(2, connection.createArrayOf("text", calls.stream().map(MerchantCall::idempotencyKey).toArray()));
            update.setArray(3, connection.createArrayOf("uuid", resourceIds.toArray()));
            update.setArray(4, connection.createArrayOf("integer", answers.stream().map(Receipt::status).toArray()));
            update.setArray(5, connection.createArrayOf("text", answers.stream().map(Receipt::body).toArray()));
            if (update.executeUpdate() != calls.size()) {
                throw new IllegalStateException("Not every call's key was claimed in this transaction");
            }
        }
    }

    /** Names what the claimed call created or changed, before its answer is known. */
    public void attach(Connection connection, MerchantCall call, UUID resourceId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.receipt SET resource_id = ? WHERE merchant_id = ? AND idempotency_key = ?")) {
            update.setObject(1, resourceId);
            update.setObject(2, call.merchantId());
            update.setString(3, call.idempotencyKey());
            requireOne(update.executeUpdate());
        }
    }

    /** Writes the claimed call's answer, in the transaction of its change. */
    public Receipt complete(Connection connection, MerchantCall call, UUID resourceId, int status, String body)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.receipt SET resource_id = ?, http_status = ?, body = ? "
                        + "WHERE merchant_id = ? AND idempotency_key = ?")) {
            update.setObject(1, resourceId);
            update.setInt(2, status);
            update.setString(3, body);
            update.setObject(4, call.merchantId());
            update.setString(5, call.idempotencyKey());
            requireOne(update.executeUpdate());
        }
        return new Receipt(status, body, false);
    }

    /**
     * Gives up a claim whose call was refused after a third party's answer (its transaction had already
     * committed): the key is free again, as if the call had never been made.
     */
    public void release(Connection connection, MerchantCall call) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM payments.receipt WHERE merchant_id = ? AND idempotency_key = ? AND body IS NULL")) {
            delete.setObject(1, call.merchantId());
            delete.setString(2, call.idempotencyKey());
            delete.executeUpdate();
        }
    }

    /** Writes the answer of a call that was left open (an unknown outcome), once a job has resolved it. */
    public void completeFor(Connection connection, UUID merchantId, UUID resourceId, int status, String body)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payments.receipt SET http_status = ?, "
                + "body = ? WHERE merchant_id = ? AND resource_id = ? AND body IS NULL")) {
            update.setInt(1, status);
            update.setString(2, body);
            update.setObject(3, merchantId);
            update.setObject(4, resourceId);
            update.executeUpdate();
        }
    }

    /**
     * Deletes up to {@code limit} answered receipts created before {@code cutoff}, through the index on
     * their creation; a call still without its answer (a card in flight) is kept whatever its age.
     *
     * @return how many were deleted (fewer than {@code limit}: nothing more is due)
     */
    public int purgeAnswered(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM payments.receipt WHERE ctid = ANY (ARRAY("
                + "SELECT ctid FROM payments.receipt WHERE created_at < ? AND body IS NOT NULL LIMIT ?))")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    private static void requireOne(int updated) {
        if (updated != 1) {
            throw new IllegalStateException("The call's key was not claimed in this transaction");
        }
    }
}
