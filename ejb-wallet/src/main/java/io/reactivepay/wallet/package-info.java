/**
 * Wallets and everything a customer does with them: opening, top-ups, p2p transfers, money requests,
 * paying invoices, and the one-time codes that log customers in.
 * <p>
 * Invariants: a customer has at most one wallet per currency; a wallet's money is the balance of its
 * ledger account and is never stored here; a wallet and its ledger account are created in one
 * transaction or not at all. One-time codes are stored only as hashes, expire, and allow few attempts.
 */
package io.reactivepay.wallet;
