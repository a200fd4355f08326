package io.reactivepay.accounts.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An uploaded document as listed for review; the content is read separately (and audited). */
public record KycDocument(UUID id, UUID profileId, Kind kind, String fileName, String mediaType, int sizeBytes,
                          Status status, Optional<String> reason, Instant uploadedAt) {

    public enum Kind { IDENTITY, PROOF_OF_ADDRESS }

    public enum Status { PENDING, APPROVED, REJECTED }
}
