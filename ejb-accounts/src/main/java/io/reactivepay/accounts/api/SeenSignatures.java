package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.UUID;

/**
 * Merchants' request signatures already used, shared by every server: a signed request is accepted
 * once. Entries are kept until their signature could no longer pass the freshness check anyway, then
 * purged.
 */
@Local
public interface SeenSignatures {

    /**
     * Records a signature of the merchant (its hex SHA-256, 64 characters) until {@code keepUntil}.
     *
     * @return true the first time, false if it was recorded before (a replay)
     */
    boolean firstUse(UUID merchantId, String signatureDigest, Instant keepUntil);
}
