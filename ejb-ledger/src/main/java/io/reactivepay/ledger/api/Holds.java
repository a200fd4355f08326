package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Two-phase money movement: reserve now, post or release later. Joins the caller's transaction;
 * every call is idempotent per client and key.
 */
@Local
public interface Holds {

    /** Reserves the amount on the debit account, which must have it available. */
    Hold hold(HoldRequest request);

    /** Posts all or part of a pending hold to its credit account and releases the rest. */
    Hold capture(String clientId, String idempotencyKey, UUID holdId, Money amount);

    /**
     * Captures like {@link #capture(String, String, UUID, Money)} but splits what is taken, in one entry:
     * {@code fee} (zero to {@code amount}) is credited to {@code feeAccountId} and the rest to the hold's
     * credit account. The entry's metadata is the hold's plus {@code metadata} (a merchant's statement
     * shows gross and fee of each capture without a second entry to match).
     */
    Hold capture(String clientId, String idempotencyKey, UUID holdId, Money amount, UUID feeAccountId, Money fee,
                 Map<String, String> metadata);

    /** Releases a pending hold without moving money. */
    Hold voidHold(String clientId, String idempotencyKey, UUID holdId);

    Optional<Hold> find(UUID holdId);

    /** Releases up to {@code limit} holds past their expiry; returns how many. Safe on several instances. */
    int expireDue(int limit);
}
