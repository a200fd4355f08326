/**
 * Who is who: customer profiles, merchants (business accounts), staff users and roles, due-diligence
 * levels with their documents and limits, API keys and merchant public keys, system settings, and the
 * audit log.
 * <p>
 * Invariants: secrets (API keys, passwords) are stored only as hashes; every setting has a validated
 * value; every back-office change is audited. Every other module may depend on this one; it depends
 * on nobody but {@code platform}.
 */
package io.reactivepay.accounts;
