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
 * Payouts and settlement ({@code PayoutsBean}, {@code BankPayouts}, {@code SettlementsBean},
 * {@code PayoutJobs}): a payout debits the merchant's available account into {@code WORLD} in the
 * transaction that records it PENDING (with its receipt and {@code payout.pending} event); the money is
 * gone from our books once handed to the bank, and a payout that fails (refused, not found by the
 * bank, or returned on a statement) is credited back by reversing that entry. The bank is called only
 * after that commit: attempt recorded, call, outcome recorded. A payout whose outcome is unknown is
 * resolved by the reconciliation job (camt.053 lines booking its end-to-end id: debit = PAID, credit =
 * returned; then a status query), never sent again. Settlement reads each merchant's pending account
 * through a cursor over posting ids, up to the postings older than {@code settlement-delay} at the
 * day's batch time, and moves exactly their sum to available: once per merchant, currency and day
 * (cursor row locked, unique day), so a posting is never settled twice, and a settlement's own
 * transfer (tagged {@code settlementId}) is passed over. Each batch writes
 * {@code settlements-<day>.csv} under {@code settlement-report-dir}. Reserved money is the merchant's
 * share of {@code CHARGEBACK_RESERVE}, found from the reserve's entries (see {@code ReserveShares}).
 * <p>
 * Dependencies: ledger, fraud, accounts, vault, and wallet (to debit a customer's wallet with the
 * owner's consent). The wallet module never calls payments; a wallet paying an invoice goes through
 * the wallet API, which calls both.
 */
package io.reactivepay.payments;
