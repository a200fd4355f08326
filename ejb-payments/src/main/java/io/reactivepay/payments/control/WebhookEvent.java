package io.reactivepay.payments.control;

import io.reactivepay.platform.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A payments event as a merchant receives it. {@code body} is the JSON POSTed to the webhook:
 * {@code {"id":"<event id>","type":"<type>","createdAt":"<occurred at>","data":{...}}}.
 */
public record WebhookEvent(UUID id, String type, Instant occurredAt, UUID merchantId, String body) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(body, "body");
    }

    /**
     * The event from the relay's record (headers {@code event-id}, {@code event-type},
     * {@code occurred-at}; value {@code {"merchantId":"<uuid>","data":{...}}}); empty when it is not a
     * merchant's event in that form.
     */
    public static Optional<WebhookEvent> of(String eventId, String type, String occurredAt, String payload) {
        if (eventId == null || type == null || type.isBlank() || occurredAt == null || payload == null) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(payload))) {
            JsonObject value = reader.readObject();
            UUID id = UUID.fromString(eventId);
            Instant at = Instant.parse(occurredAt);
            if (!(value.get("data") instanceof JsonObject data) || value.getString("merchantId", null) == null) {
                return Optional.empty();
            }
            String body = Jsons.PROVIDER.createObjectBuilder()
                    .add("id", id.toString())
                    .add("type", type)
                    .add("createdAt", at.toString())
                    .add("data", data)
                    .build().toString();
            return Optional.of(new WebhookEvent(id, type, at, UUID.fromString(value.getString("merchantId")), body));
        } catch (JsonException | IllegalArgumentException | DateTimeParseException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
