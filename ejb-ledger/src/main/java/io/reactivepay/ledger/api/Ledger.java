package io.reactivepay.ledger.api;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger. Every method joins the caller's JTA transaction, so what the ledger records commits or
 * rolls back together with the caller's own changes.
 */
@Local
public interface Ledger {

    /**
     * Opens an account. An owner has at most one account of a kind per currency.
     *
     * @throws LedgerException {@link LedgerException#ACCOUNT_EXISTS} if the owner already has one
     */
    LedgerAccount openAccount(OpenAccount request);

    Optional<LedgerAccount> account(UUID id);
}
