/**
 * The card vault: the only module that ever holds a card number, so that PCI DSS scope is this module
 * and its {@code vault} schema, not the whole system.
 * <p>
 * Why a module of its own: payments, wallet, fraud and reporting work with the vault's token, BIN and
 * last four only, and their schemas, events and logs never hold a number; an auditor reviews this
 * module and its one table. The vault stores the number encrypted (AES-256-GCM under versioned keys
 * from {@code reactivepay.vault.data-keys}, bound to its token), validates Luhn and expiry before
 * storing, and is the only module that authorises at the acquirer, the one call that carries a card
 * number: it decrypts the number for that call and passes the security code through without storing
 * it. Capture, cancel, refund and status carry references only and are called by payments.
 */
package io.reactivepay.vault;
