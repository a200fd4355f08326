package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.RateDecision;
import io.reactivepay.fraud.api.RateScope;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Fixed-window request counters in {@code fraud.rate_counter}, shared by all servers. One statement
 * counts a request only while the window is under its limit; the row lock makes concurrent callers on
 * any server take turns, so together they never pass the limit.
 */
@Dependent
public class RateCounter {

    public RateDecision hit(Connection connection, RateScope scope, byte[] keyHash, FraudConfig.RateLimit limit, Instant now)
            throws SQLException {
        long seconds = now.getEpochSecond();
        long windowStart = seconds - Math.floorMod(seconds, limit.seconds());
        String sql = "INSERT INTO fraud.rate_counter AS r (scope, key_hash, window_start, hits) "
                + "SELECT ?, ?, ?, 1 WHERE ? > 0 "
                + "ON CONFLICT (scope, key_hash, window_start) DO UPDATE SET hits = r.hits + 1 WHERE r.hits < ? RETURNING hits";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, scope.name());
            upsert.setBytes(2, keyHash);
            upsert.setLong(3, windowStart);
            upsert.setInt(4, limit.hits());
            upsert.setInt(5, limit.hits());
            try (ResultSet row = upsert.executeQuery()) {
                return row.next() ? new RateDecision(true, 0) : new RateDecision(false, windowStart + limit.seconds() - seconds);
            }
        }
    }

    /** Drops at most {@code batch} windows that started before the given time, through the index on the start. */
    public int purge(Connection connection, Instant before, int batch) throws SQLException {
        String sql = "DELETE FROM fraud.rate_counter WHERE ctid = ANY (ARRAY(SELECT ctid FROM fraud.rate_counter "
                + "WHERE window_start < ? LIMIT ?))";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, before.getEpochSecond());
            delete.setInt(2, batch);
            return delete.executeUpdate();
        }
    }
}
