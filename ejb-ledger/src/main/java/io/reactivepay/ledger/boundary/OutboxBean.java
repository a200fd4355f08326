package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.api.OutboxStatus;
import io.reactivepay.ledger.control.EventPublisher;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.ledger.control.OutboxWriter;
import io.reactivepay.ledger.control.LedgerConfig;
import io.reactivepay.platform.event.EventEnvelope;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

@Stateless
public class OutboxBean implements Outbox {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxWriter writer;

    @Inject
    LedgerConfig config;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void append(EventEnvelope event) {
        Jdbc.with(dataSource, "Appending event " + event.id() + " to the outbox", connection -> {
            writer.append(connection, event);
            return null;
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void appendAll(java.util.List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        Jdbc.with(dataSource, "Appending " + events.size() + " events to the outbox", connection -> {
            writer.appendAll(connection, events);
            return null;
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OutboxStatus status() {
        String sql = "SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM ledger.outbox";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            Duration oldest = Duration.ofMillis(Math.max(0, Math.round(row.getDouble(2) * 1000)));
            return new OutboxStatus(row.getLong(1), oldest, publisher.brokerReachable(), config.maxLag());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox status", e);
        }
    }
}
