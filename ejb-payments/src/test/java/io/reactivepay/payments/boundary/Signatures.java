package io.reactivepay.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.payments.api.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a received signature twice: by computing the HMAC here from the documented recipe (not with
 * the code that signed it), and with the merchants' verifier.
 */
final class Signatures {

    private Signatures() {
    }

    /** The header carries one v1 per secret, in this order, each the HMAC of "t.body"; t is {@code now}. */
    static void assertSignedWith(WebhookReceiver.Received received, Instant now, String... secrets) throws Exception {
        String[] parts = received.signature().split(",");
        assertEquals("t=" + now.getEpochSecond(), parts[0]);
        List<String> v1 = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            assertTrue(parts[i].startsWith("v1="), received.signature());
            v1.add(parts[i].substring(3));
        }
        List<String> expected = new ArrayList<>();
        for (String secret : secrets) {
            expected.add(hmacHex(secret, now.getEpochSecond() + "." + received.body()));
            assertTrue(WebhookSignature.verify(received.signature(), received.body(), secret, now, Duration.ofMinutes(5)));
        }
        assertEquals(expected, v1);
    }

    static String hmacHex(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(message.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
