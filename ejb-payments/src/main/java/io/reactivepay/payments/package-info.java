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
 * Webhooks: {@code WebhookConsumer} (consumer group {@code reactivepay-webhooks}) turns each merchant's
 * event on {@code payments.events} into one {@code payments.webhook_delivery} row (unique per event id
 * and merchant) and commits its Kafka offsets only after the rows; {@code WebhookDispatcher} claims due
 * rows with {@code FOR UPDATE SKIP LOCKED} and a lease past the attempt's timeouts, so no two instances
 * send a delivery at once, and POSTs them signed outside any transaction; every attempt is logged in
 * {@code payments.webhook_attempt}. Merchants verify with {@code api.WebhookSignature}.
 * <p>
 * Dependencies: ledger, fraud, accounts, vault, and wallet (to debit a customer's wallet with the
 * owner's consent). The wallet module never calls payments; a wallet paying an invoice goes through
 * the wallet API, which calls both.
 */
package io.reactivepay.payments;
