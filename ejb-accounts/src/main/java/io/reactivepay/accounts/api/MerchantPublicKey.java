package io.reactivepay.accounts.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A registered request-signing key; {@code fingerprint} is the hex SHA-256 of its SubjectPublicKeyInfo. */
public record MerchantPublicKey(UUID id, UUID merchantId, String fingerprint, int bits, String pem, Instant createdAt,
                                Optional<Instant> revokedAt) {
}
