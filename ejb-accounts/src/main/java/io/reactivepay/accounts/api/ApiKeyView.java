package io.reactivepay.accounts.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An API key as listed: its masked form ({@code rp_1a2b3c4d_…}), never the secret. */
public record ApiKeyView(UUID id, String masked, String label, Instant createdAt, Optional<Instant> revokedAt) {
}
