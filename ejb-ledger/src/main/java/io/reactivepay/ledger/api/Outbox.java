package io.reactivepay.ledger.api;

import io.reactivepay.platform.event.EventEnvelope;
import jakarta.ejb.Local;

/**
 * The transactional outbox. An appended event is published to Kafka only if the caller's transaction
 * commits; Kafka being down delays publication but never fails the caller.
 */
@Local
public interface Outbox {

    /** Records the event in the caller's transaction (mandatory: an event without a change is a lie). */
    void append(EventEnvelope event);

    /** Records several events in the caller's transaction with one batched statement (group commit's writers). */
    void appendAll(java.util.List<EventEnvelope> events);

    /** How far publication has got, for health checks and operators. */
    OutboxStatus status();
}
