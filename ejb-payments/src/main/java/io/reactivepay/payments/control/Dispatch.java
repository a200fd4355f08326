package io.reactivepay.payments.control;

import java.util.List;
import java.util.UUID;

/** One attempt to make: where to POST the body and the merchant's secrets to sign it with (current first). */
public record Dispatch(UUID deliveryId, int attempt, UUID eventId, String url, List<String> secrets, String body) {

    @Override
    public String toString() {
        return "Dispatch[delivery=" + deliveryId + ", attempt=" + attempt + ", event=" + eventId + ", url=" + url + "]";
    }
}
