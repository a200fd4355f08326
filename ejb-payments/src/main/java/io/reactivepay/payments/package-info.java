/**
 * The payment lifecycle: payments and their states, authorisation, capture and void, refunds,
 * payouts, chargebacks, commissions, settlements, reconciliation and merchant webhooks.
 * <p>
 * Invariants: every state change is one JTA transaction together with its ledger entry, its outbox
 * event and, for a merchant's call, its {@code payments.receipt} (the stored answer under the
 * idempotency key); a third party is never called inside such a transaction (attempt, call,
 * outcome); a card number never reaches this module, only the vault's token.
 * <p>
 * Money: a merchant has two ledger accounts per currency ({@code MerchantAccountsBean}): captured
 * payments are credited, net of the fee, to <em>pending</em>; settlement moves them to
 * <em>available</em>, from which payouts are paid. Card money comes from the system account
 * {@code ACQUIRER_CLEARING}, wallet money from the customer's wallet account.
 * <p>
 * Dependencies: ledger, fraud, accounts, vault, and wallet (to debit a customer's wallet with the
 * owner's consent). The wallet module never calls payments; a wallet paying an invoice goes through
 * the wallet API, which calls both.
 */
package io.reactivepay.payments;
