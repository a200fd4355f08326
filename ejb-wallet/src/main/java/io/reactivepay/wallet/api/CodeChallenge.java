package io.reactivepay.wallet.api;

import java.time.Instant;
import java.util.UUID;

/** A code on its way to a phone; the code itself is never part of it. */
public record CodeChallenge(UUID id, Instant expiresAt) {
}
