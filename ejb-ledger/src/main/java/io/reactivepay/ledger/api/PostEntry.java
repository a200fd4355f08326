package io.reactivepay.ledger.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to post an entry. {@code clientId} scopes the idempotency key (the calling module or
 * merchant); the same key with the same request returns the first result, with another request it is
 * refused.
 */
public record PostEntry(String clientId, String idempotencyKey, EntryCode code, List<Posting> postings,
                        Map<String, String> metadata) {

    public PostEntry {
        IdempotencyKeys.requireValid(clientId, idempotencyKey);
        Objects.requireNonNull(code, "code");
        postings = List.copyOf(Objects.requireNonNull(postings, "postings"));
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    }
}
