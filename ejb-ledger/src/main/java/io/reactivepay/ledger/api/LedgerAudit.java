package io.reactivepay.ledger.api;

import jakarta.ejb.Local;

/** Checks the ledger's invariants over all of its data. */
@Local
public interface LedgerAudit {

    /**
     * Verifies that (a) every entry sums to zero per currency, (b) every balance equals the sum of its
     * postings, (c) no account is below its floor, (d) the balances of each currency sum to zero, and
     * (e) every account's held amount equals what its pending holds reserve.
     */
    InvariantReport verify();
}
