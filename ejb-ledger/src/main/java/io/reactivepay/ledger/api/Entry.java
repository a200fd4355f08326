package io.reactivepay.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A posted entry. Entries are never changed; a correction is a new entry that reverses one. */
public record Entry(UUID id, EntryCode code, List<Posting> postings, Map<String, String> metadata,
                    Optional<UUID> reverses, Instant createdAt) {
}
