package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
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

    /** Releases a pending hold without moving money. */
    Hold voidHold(String clientId, String idempotencyKey, UUID holdId);

    Optional<Hold> find(UUID holdId);

    /** Releases up to {@code limit} holds past their expiry; returns how many. Safe on several instances. */
    int expireDue(int limit);
}
