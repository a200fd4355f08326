package io.reactivepay.payments.control;

import io.reactivepay.payments.api.PaymentsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a newest-first listing: the last item's creation time and id (the id breaks ties).
 * Opaque to callers: base64url of {@code "<instant>|<id>"}.
 */
public record PageCursor(Instant createdAt, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws PaymentsException {@link PaymentsException#INVALID_REQUEST} on field {@code cursor} if it was not made here */
    public static Optional<PageCursor> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 2) {
                return Optional.of(new PageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1])));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the refusal
        }
        throw PaymentsException.invalid("cursor", "The cursor is not one this listing returned");
    }
}
