package io.reactivepay.ledger.api;

/** The system's chart of accounts; one of each per currency, all unbounded. */
public enum SystemAccount {
    /** Money outside the system: where top-ups come from and payouts go. */
    WORLD,
    /** What the acquirer owes us for captured card payments until it settles. */
    ACQUIRER_CLEARING,
    /** Commissions earned. */
    FEES,
    /** Money held back against open chargebacks. */
    CHARGEBACK_RESERVE,
    /** Money whose owner is not yet known (unmatched statement lines). */
    SUSPENSE;

    public String ownerRef() {
        return "system:" + name().toLowerCase();
    }
}
