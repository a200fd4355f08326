package io.reactivepay.ledger.api;

/** What a ledger account represents, which decides its floor policy. */
public enum AccountKind {
    /** A customer's wallet: may never go below zero. */
    CUSTOMER_WALLET,
    /** A merchant's balance: may never go below zero unless an overdraft is agreed. */
    MERCHANT,
    /** Money outside the system (the world, an acquirer's clearing, a bank): unbounded. */
    SYSTEM
}
