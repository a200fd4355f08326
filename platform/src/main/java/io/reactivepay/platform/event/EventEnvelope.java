package io.reactivepay.platform.event;

import io.reactivepay.platform.persistence.TimeOrderedIds;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A domain event on its way to Kafka.
 * <p>
 * {@code id} is unique per event and is what consumers deduplicate on (delivery is at least once).
 * {@code key} is the Kafka record key: events with the same key (one payment, one wallet) land on one
 * partition and keep their order. {@code payload} is the event's JSON body.
 */
public record EventEnvelope(UUID id, String topic, String key, String type, Instant occurredAt, String payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        requireText(topic, "topic");
        requireText(key, "key");
        requireText(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(payload, "payload");
    }

    /** A new event with a fresh, time-ordered id, occurring now. */
    public static EventEnvelope of(String topic, String key, String type, String payload) {
        return new EventEnvelope(TimeOrderedIds.next(), topic, key, type, Instant.now(), payload);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
