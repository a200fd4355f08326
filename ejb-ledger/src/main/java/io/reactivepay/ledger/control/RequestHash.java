package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.PostEntry;
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

    /** The operation name under which posted entries claim their idempotency keys. */
    public static final String POST = "POST";

    private final StringBuilder text = new StringBuilder();

    public static RequestHash of(String operation) {
        return new RequestHash().add(operation);
    }

    /** The hash of a request to post an entry: code, postings in order, metadata. */
    public static byte[] of(PostEntry request) {
        RequestHash hash = of(POST).add(request.code());
        request.postings().forEach(posting -> hash.add(posting.accountId()).add(posting.amount()));
        return hash.add(request.metadata()).digest();
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
