package io.reactivepay.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private static final String ID = "7b0f1f4e-3c1d-4a55-9a43-2f0a4e1b9c01";
    private static final String MERCHANT = "0d4b8f57-11aa-4c3e-8f59-4f3b6a9d2e10";

    @Test
    void bodyIsIdTypeCreatedAtAndTheData() {
        WebhookEvent event = WebhookEvent.of(ID, "payment.captured", "2026-11-25T10:00:00.123456Z",
                "{\"merchantId\":\"" + MERCHANT + "\",\"data\":{\"id\":\"p1\",\"amount\":\"12.34\",\"metadata\":{\"a\":\"b\"}}}")
                .orElseThrow();

        assertEquals(UUID.fromString(MERCHANT), event.merchantId());
        assertEquals(Instant.parse("2026-11-25T10:00:00.123456Z"), event.occurredAt());
        assertEquals("{\"id\":\"" + ID + "\",\"type\":\"payment.captured\",\"createdAt\":\"2026-11-25T10:00:00.123456Z\","
                + "\"data\":{\"id\":\"p1\",\"amount\":\"12.34\",\"metadata\":{\"a\":\"b\"}}}", event.body());
    }

    @Test
    void recordsThatAreNotAMerchantsEventArePassedOver() {
        String data = "{\"merchantId\":\"" + MERCHANT + "\",\"data\":{}}";

        assertTrue(WebhookEvent.of(null, "payment.captured", "2026-11-25T10:00:00Z", data).isEmpty());
        assertTrue(WebhookEvent.of("not-a-uuid", "payment.captured", "2026-11-25T10:00:00Z", data).isEmpty());
        assertTrue(WebhookEvent.of(ID, "payment.captured", "yesterday", data).isEmpty());
        assertTrue(WebhookEvent.of(ID, "payment.captured", "2026-11-25T10:00:00Z", "not json").isEmpty());
        assertTrue(WebhookEvent.of(ID, "payment.captured", "2026-11-25T10:00:00Z", "{\"data\":{}}").isEmpty());
        assertTrue(WebhookEvent.of(ID, "payment.captured", "2026-11-25T10:00:00Z",
                "{\"merchantId\":\"" + MERCHANT + "\",\"data\":[]}").isEmpty());
        assertTrue(WebhookEvent.of(ID, "payment.captured", "2026-11-25T10:00:00Z",
                "{\"merchantId\":42,\"data\":{}}").isEmpty());
    }
}
