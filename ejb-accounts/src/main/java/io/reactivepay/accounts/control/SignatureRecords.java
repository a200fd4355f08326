package io.reactivepay.accounts.control;

import io.reactivepay.platform.persistence.Jdbc;
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
import java.util.Set;
import java.util.UUID;

/**
 * Request signatures already accepted, in {@code accounts.seen_signature}: the primary key decides
 * which of two uses of a signature, on any servers, is the first.
 */
public final class SignatureRecords {

    /** A signature of a merchant (hex SHA-256), to be remembered until {@code keepUntil}. */
    public record Seen(UUID merchantId, String digest, Instant keepUntil) {
    }

    private SignatureRecords() {
    }

    /**
     * Records the signatures with one statement, in key order (so two servers recording overlapping
     * batches wait for each other instead of deadlocking); a signature recorded before, or earlier in
     * the list, is a replay.
     * <p>
     * The transaction commits without waiting for the disk ({@link Jdbc#commitWithoutWaitingForDisk}).
     * Its rows are visible to every server at once, so replays are refused as before; what a crash of
     * PostgreSQL can lose is the last fraction of a second of records. That loses nothing that matters:
     * whatever a signed request then changes commits later, synchronously, and PostgreSQL's WAL is
     * flushed in order, so a request whose effect survived the crash has its signature on disk too. A lost record belongs to a request that changed nothing
     * durable (a read, a refusal, or one cut off by the crash), and a replay of that within its five
     * minutes does no more than the request itself could. The request no longer waits for a disk flush
     * of its own before it starts: at a thousand signed requests a second that was a second commit
     * to disk per request.
     *
     * @return per signature, in order: whether this was its first use
     */
    public static List<Boolean> recordAll(Connection connection, List<Seen> signatures) throws SQLException {
        List<Seen> ordered = new ArrayList<>(signatures);
        ordered.sort(Comparator.comparing(Seen::merchantId).thenComparing(Seen::digest));
        Set<String> inserted = new HashSet<>();
        Jdbc.commitWithoutWaitingForDisk(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts.seen_signature "
                + "(merchant_id, signature_sha256, keep_until) SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[]) "
                + "ON CONFLICT DO NOTHING RETURNING merchant_id, signature_sha256")) {
            insert.setArray(1, connection.createArrayOf("uuid", ordered.stream().map(Seen::merchantId).toArray()));
            insert.setArray(2, connection.createArrayOf("text", ordered.stream().map(Seen::digest).toArray()));
            insert.setArray(3, connection.createArrayOf("timestamptz", ordered.stream()
                    .map(seen -> Timestamp.from(seen.keepUntil())).toArray()));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    inserted.add(row.getObject(1, UUID.class) + " " + row.getString(2));
                }
            }
        }
        List<Boolean> first = new ArrayList<>(signatures.size());
        for (Seen seen : signatures) {
            first.add(inserted.remove(seen.merchantId() + " " + seen.digest()));
        }
        return first;
    }

    /** Deletes what has expired; every instance may run it, deleting twice does no harm. */
    public static int purge(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM accounts.seen_signature WHERE keep_until < now()")) {
            return delete.executeUpdate();
        }
    }
}
