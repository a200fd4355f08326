package io.reactivepay.ledger.control;

import io.reactivepay.platform.event.EventEnvelope;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Writes events to the outbox on the caller's connection, hence in the caller's transaction. */
@Dependent
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO ledger.outbox (event_id, topic, event_key, event_type, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?)""";

    public void append(Connection connection, EventEnvelope event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.id());
            insert.setString(2, event.topic());
            insert.setString(3, event.key());
            insert.setString(4, event.type());
            insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
            insert.setString(6, event.payload());
            insert.executeUpdate();
        }
    }

    public void appendAll(Connection connection, java.util.List<EventEnvelope> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (EventEnvelope event : events) {
                insert.setObject(1, event.id());
                insert.setString(2, event.topic());
                insert.setString(3, event.key());
                insert.setString(4, event.type());
                insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
                insert.setString(6, event.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
