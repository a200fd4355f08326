package io.reactivepay.ledger.api;

import java.time.Duration;

/**
 * The state of event publication.
 *
 * @param pending      events committed but not yet acknowledged by Kafka
 * @param oldestPending how long the oldest pending event has waited ({@link Duration#ZERO} when none)
 * @param brokerReachable whether Kafka answered the last probe
 * @param maxLag       how long events may wait before the system reports itself not ready
 */
public record OutboxStatus(long pending, Duration oldestPending, boolean brokerReachable, Duration maxLag) {

    /** Kafka may be briefly away: the outbox absorbs it until events have waited longer than allowed. */
    public boolean withinLag() {
        return oldestPending.compareTo(maxLag) <= 0;
    }
}
