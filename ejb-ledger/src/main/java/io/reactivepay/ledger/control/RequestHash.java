package io.reactivepay.ledger.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a request's meaningful content, so a replayed idempotency key can be told apart from a
 * key reused for a different request. Maps are hashed in key order, so equal requests hash equally.
 */
public final class RequestHash {

    private final StringBuilder text = new StringBuilder();

    public static RequestHash of(String operation) {
        return new RequestHash().add(operation);
    }

    public RequestHash add(Object part) {
        String value = String.valueOf(part);
        text.append(value.length()).append(':').append(value).append('|');
        return this;
    }

    public RequestHash add(Map<String, String> map) {
        new TreeMap<>(map).forEach((key, value) -> add(key).add(value));
        return this;
    }

    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
