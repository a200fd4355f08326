package io.reactivepay.payments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test-secret";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"payment.captured\",\"createdAt\":\"2026-11-25T10:00:00Z\",\"data\":{}}";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long T = NOW.getEpochSecond();

    @Test
    void signsAsTheDocumentedRecipe() {
        // python3: hmac.new(b'whsec_test-secret', b'1795600800.' + body, hashlib.sha256).hexdigest()
        assertEquals("ae25ac8ce245cc9c657febdef5001509bbe6c61aed39fef13953f043ad5c0f28",
                WebhookSignature.hmac(SECRET, 1_795_600_800L, BODY));
    }

    @Test
    void acceptsItsOwnSignature() {
        String header = "t=" + T + ",v1=" + WebhookSignature.hmac(SECRET, T, BODY);

        assertTrue(WebhookSignature.verify(header, BODY, SECRET, NOW, Duration.ofMinutes(5)));
    }

    @Test
    void acceptsEitherSignatureDuringARotation() {
        String header = "t=" + T + ",v1=" + WebhookSignature.hmac("whsec_new", T, BODY) + ",v1="
                + WebhookSignature.hmac(SECRET, T, BODY);

        assertTrue(WebhookSignature.verify(header, BODY, SECRET, NOW, Duration.ofMinutes(5)));
        assertTrue(WebhookSignature.verify(header, BODY, "whsec_new", NOW, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(header, BODY, "whsec_other", NOW, Duration.ofMinutes(5)));
    }

    @Test
    void refusesAnAlteredBody() {
        String header = "t=" + T + ",v1=" + WebhookSignature.hmac(SECRET, T, BODY);

        assertFalse(WebhookSignature.verify(header, BODY.replace("captured", "refunded"), SECRET, NOW, Duration.ofMinutes(5)));
    }

    @Test
    void refusesAnAlteredTimestamp() {
        String header = "t=" + (T + 1) + ",v1=" + WebhookSignature.hmac(SECRET, T, BODY);

        assertFalse(WebhookSignature.verify(header, BODY, SECRET, NOW, Duration.ofMinutes(5)));
    }

    @Test
    void refusesAnOldSignature() {
        String header = "t=" + T + ",v1=" + WebhookSignature.hmac(SECRET, T, BODY);

        assertTrue(WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(300), Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(301), Duration.ofMinutes(5)));
    }

    @Test
    void refusesMalformedHeaders() {
        String v1 = WebhookSignature.hmac(SECRET, T, BODY);

        assertFalse(WebhookSignature.verify(null, BODY, SECRET, NOW, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("v1=" + v1, BODY, SECRET, NOW, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("t=abc,v1=" + v1, BODY, SECRET, NOW, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("t=" + T, BODY, SECRET, NOW, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("t=" + T + ",v0=" + v1, BODY, SECRET, NOW, Duration.ofMinutes(5)));
    }
}
