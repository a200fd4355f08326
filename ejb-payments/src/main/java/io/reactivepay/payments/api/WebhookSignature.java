package io.reactivepay.payments.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a merchant checks that a webhook came from ReactivePay, unaltered and recently.
 * <p>
 * Every delivery carries {@code ReactivePay-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]}: each
 * {@code v1} is the lower-case hex HMAC-SHA256 of {@code "<t>.<raw request body>"} (UTF-8) keyed with
 * the UTF-8 bytes of a signing secret (the whole {@code whsec_...} string). During a secret rotation
 * there is one {@code v1} per valid secret, so the merchant's old and new secret both verify.
 * <p>
 * The body must be the bytes as received, before any JSON parsing; the timestamp check refuses a
 * captured request replayed later. Deduplicate on {@code ReactivePay-Event-Id} (the body's {@code id}):
 * an event may arrive more than once.
 */
public final class WebhookSignature {

    public static final String HEADER = "ReactivePay-Signature";
    public static final String EVENT_ID_HEADER = "ReactivePay-Event-Id";
    /** How old a signature may be by default: long enough for clock skew, short enough against replay. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** Verifies against the current time with {@link #DEFAULT_TOLERANCE}. */
    public static boolean verify(String header, String body, String secret) {
        return verify(header, body, secret, Instant.now(), DEFAULT_TOLERANCE);
    }

    /**
     * Whether one of the header's {@code v1} signatures is the body's signature under {@code secret}
     * and its timestamp lies within {@code tolerance} of {@code now}. A malformed header is false.
     */
    public static boolean verify(String header, String body, String secret, Instant now, Duration tolerance) {
        if (header == null || body == null || secret == null || secret.isEmpty()) {
            return false;
        }
        Long timestamp = null;
        String[] parts = header.split(",");
        for (String part : parts) {
            if (part.strip().startsWith("t=")) {
                try {
                    timestamp = Long.parseLong(part.strip().substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        if (timestamp == null || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String part : parts) {
            if (part.strip().startsWith("v1=")) {
                // compare every candidate in constant time; do not stop early on a match
                match |= MessageDigest.isEqual(expected, part.strip().substring(3).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }

    /** The lower-case hex HMAC-SHA256 of {@code "<timestamp>.<body>"} under the secret. */
    public static String hmac(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
