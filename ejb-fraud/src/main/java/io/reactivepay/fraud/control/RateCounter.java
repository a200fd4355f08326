package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.RateScope;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fixed-window request counters in {@code fraud.rate_counter}, shared by all servers. A server takes
 * its budget in slices: one statement raises the window's count by a slice, or by what is left under
 * the limit, and returns how much it granted; the row lock makes concurrent servers take turns, so
 * together they are never granted more than the limit.
 */
@Dependent
public class RateCounter {

    private static final String LEASE = "INSERT INTO fraud.rate_counter AS r (scope, key_hash, window_start, hits, granted) "
            + "SELECT ?, ?, ?, LEAST(?, ?), LEAST(?, ?) WHERE ? > 0 "
            + "ON CONFLICT (scope, key_hash, window_start) DO UPDATE SET granted = LEAST(excluded.granted, ? - r.hits), "
            + "hits = r.hits + LEAST(excluded.granted, ? - r.hits) WHERE r.hits < ? RETURNING granted";

    /** Takes up to {@code slice} hits of the window's budget; 0 when the window's limit is spent. */
    public int lease(Connection connection, RateScope scope, byte[] keyHash, long windowStart, int slice, int limit)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(LEASE)) {
            upsert.setString(1, scope.name());
            upsert.setBytes(2, keyHash);
            upsert.setLong(3, windowStart);
            for (int i = 4; i <= 7; i += 2) {
                upsert.setInt(i, slice);
                upsert.setInt(i + 1, limit);
            }
            for (int i = 8; i <= 11; i++) {
                upsert.setInt(i, limit);
            }
            try (ResultSet row = upsert.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** Drops at most {@code batch} windows that started before the given second, through the index on the start. */
    public int purge(Connection connection, java.time.Instant before, int batch) throws SQLException {
        String sql = "DELETE FROM fraud.rate_counter WHERE ctid = ANY (ARRAY(SELECT ctid FROM fraud.rate_counter "
                + "WHERE window_start < ? LIMIT ?))";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, before.getEpochSecond());
            delete.setInt(2, batch);
            return delete.executeUpdate();
        }
    }
}
