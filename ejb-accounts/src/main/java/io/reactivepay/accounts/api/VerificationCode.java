package io.reactivepay.accounts.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A code to send to {@code destination} (the profile's phone or e-mail). Accounts keeps only a keyed
 * hash; the caller (the wallet, with its text-message connector) sends it and never logs it.
 */
public record VerificationCode(UUID profileId, ContactChannel channel, String destination, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "VerificationCode[profileId=" + profileId + ", channel=" + channel + ", expiresAt=" + expiresAt + "]";
    }
}
