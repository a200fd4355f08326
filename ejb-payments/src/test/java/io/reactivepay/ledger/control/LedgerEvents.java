package io.reactivepay.ledger.control;

/**
 * The ledger's real outbox publisher for the payments module's tests, so events reach Kafka exactly as
 * the relay maps them (key, headers event-id, event-type, occurred-at; the payload as value).
 */
public final class LedgerEvents {

    private LedgerEvents() {
    }

    public static EventPublisher publisher(String bootstrapServers) {
        LedgerConfig config = new LedgerConfig();
        config.bootstrapServers = bootstrapServers;
        EventPublisher publisher = new EventPublisher();
        publisher.config = config;
        return publisher;
    }

    public static void close(EventPublisher publisher) {
        publisher.close();
    }
}
