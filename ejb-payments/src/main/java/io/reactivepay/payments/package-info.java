/**
 * The payment lifecycle: payments and their states, authorisation, capture and void, refunds,
 * payouts, chargebacks, commissions, settlements, reconciliation and merchant webhooks.
 * <p>
 * Invariants: every state change is one JTA transaction together with its ledger entry and its
 * outbox event; a third party is never called inside such a transaction (attempt, call, outcome);
 * a card number never reaches this module, only the vault's token.
 */
package io.reactivepay.payments;
