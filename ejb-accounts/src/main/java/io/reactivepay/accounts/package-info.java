/**
 * Who is who: customer profiles, merchants (business accounts), staff users and roles, due-diligence
 * levels with their documents and limits, API keys and merchant public keys, system settings, tokens
 * for wallet customers, and the audit log.
 * <p>
 * Invariants: secrets that only need checking (API keys, passwords, verification codes) are stored
 * only as hashes; personal data, documents, IBANs, webhook and TOTP secrets only encrypted
 * (AES-256-GCM, key id with each value, table and column authenticated as context; every such column
 * is listed in {@code control.EncryptedColumns}, which the key rotation walks); every setting has a
 * validated value; every back-office change is audited. Persistence is plain JDBC on the caller's JTA
 * connection, like the ledger's: the module has no entities. Every other module may depend on this
 * one; it depends on nobody but {@code platform}.
 */
package io.reactivepay.accounts;
