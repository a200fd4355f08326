package io.reactivepay.payments.control;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Leases in {@code payments.job_lease}, for work that one instance at a time must do around a call to a
 * third party (a row lock cannot be held across it). A lease that is not released runs out.
 */
@Dependent
public class JobLeases {

    /** Takes the lease if it is free or ran out; true if this holder has it now. */
    public boolean acquire(Connection connection, String name, String holder, Instant now, Instant until)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO payments.job_lease (name, holder, "
                + "leased_until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                + "leased_until = excluded.leased_until WHERE payments.job_lease.leased_until <= ? RETURNING holder")) {
            upsert.setString(1, name);
            upsert.setString(2, holder);
            upsert.setTimestamp(3, Timestamp.from(until));
            upsert.setTimestamp(4, Timestamp.from(now));
            try (ResultSet row = upsert.executeQuery()) {
                return row.next();
            }
        }
    }

    public void release(Connection connection, String name, String holder, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments.job_lease SET leased_until = ? WHERE name = ? AND holder = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, name);
            update.setString(3, holder);
            update.executeUpdate();
        }
    }
}
