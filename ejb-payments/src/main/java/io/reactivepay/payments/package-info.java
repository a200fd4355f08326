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
 * <b>States and postings</b> ({@code PaymentStepsBean}, one transaction per arrow):
 * <ul>
 * <li>create: screening first ({@code Screening.screen}, same transaction). DECLINE &rarr; DECLINED, REVIEW
 * &rarr; HELD, nothing moves. A checkout payment &rarr; CREATED with a random client token.</li>
 * <li>wallet, automatic capture &rarr; CAPTURED: KYC limits, then one entry: wallet &minus;gross, merchant
 * pending +net, FEES +fee. Wallet, manual &rarr; AUTHORISED: a ledger hold on the wallet.</li>
 * <li>card &rarr; AUTHORISING (receipt claimed and attached, transaction 1), the vault authorises at the
 * acquirer with no transaction, then the outcome (transaction 2): approved &rarr; AUTHORISED with a hold
 * ACQUIRER_CLEARING &rarr; merchant pending; declined &rarr; DECLINED ({@code recordDecline}); a 3-D Secure
 * challenge &rarr; ACTION_REQUIRED with the challenge URL; unknown &rarr; stays AUTHORISING and the answer
 * is 202. {@code PaymentRecoveryBean} (timer every 15 s, rows taken with SKIP LOCKED and leased by
 * moving {@code next_check_at}) asks the acquirer's {@code status(requestId)}, never authorises again;
 * {@code not_found} means the acquirer never had it: FAILED.</li>
 * <li>capture (all or part) &rarr; CAPTURED: one split capture of the hold: the debit side gives the
 * amount, merchant pending gets it net, FEES the fee (rate plan of merchant, method and currency, or the
 * configured default; percent rounded half-even once). For a card the acquirer captures first.</li>
 * <li>void &rarr; VOIDED (hold released; a card is cancelled at the acquirer first); an authorisation not
 * captured in time &rarr; EXPIRED (hold released, then cancelled at the acquirer; the ledger's own hold
 * expiry is a day later, so this module decides and tells the merchant).</li>
 * <li>refund &rarr; PARTIALLY_REFUNDED / REFUNDED, several up to what was captured; the fee is not given
 * back. Wallet: one entry merchant pending &rarr; wallet. Card: a hold on merchant pending (so the money
 * cannot be paid out while the acquirer is asked), captured to ACQUIRER_CLEARING when the acquirer
 * approves, released when it declines; unanswered, the refund stays PENDING.</li>
 * <li>chargeback ({@code ChargebacksBean}, audited): open &rarr; CHARGEBACK, merchant pending &rarr;
 * CHARGEBACK_RESERVE; won &rarr; back to the previous state, reserve &rarr; merchant; lost &rarr;
 * CHARGED_BACK, reserve &rarr; ACQUIRER_CLEARING and the chargeback fee merchant &rarr; FEES, one entry.</li>
 * </ul>
 * Every entry on a merchant account carries {@code paymentId} (and {@code refundId} or
 * {@code chargebackId}) in its metadata; captures also carry {@code gross} and {@code fee} in minor
 * units, so settlement reads a merchant's statement without joining back to this schema.
 * <p>
 * <b>Events</b> on {@code payments.events}, key = payment id (one payment's events stay in order),
 * payload {@code {"merchantId":..., "data":<PaymentJson of the payment, refund or chargeback after the
 * change>}}: payment.created, .held, .action_required, .authorised, .captured, .declined, .failed,
 * .voided, .expired, .refunded; refund.succeeded, refund.failed; chargeback.opened, .won, .lost.
 * <p>
 * <b>Idempotency.</b> Every money-moving call claims its key first, in its transaction; a refusal rolls
 * the claim back with everything else, or, after an acquirer's refusal in a later transaction, releases
 * it. A repeated call gets the stored receipt; one whose first call has no answer yet (a card in
 * flight) gets 202 with the payment as it is now. Acquirer request ids are derived from the payment or
 * refund id, so asking the acquirer again is idempotent there too.
 * <p>
 * <b>Group commit.</b> The ledger showed that on a small machine a commit per call, not locking, is the
 * limit; a payment is a dozen statements plus a commit. So a wallet payment captured at once and called
 * without a transaction of its own is queued ({@code WalletBatches}; the customer's token, a signature
 * check, is verified on the caller's thread first), and writer threads write many per transaction
 * ({@code PaymentBatchesBean}) with a statement per step, not per payment: checks that write nothing first
 * (merchant, the batch's wallets in one read; a payment they refuse is simply left out), then one claim of
 * all keys, one {@code Screening.screenAll}, one {@code Limits.authoriseAll}, one {@code Ledger.postAll} for
 * all the entries, and one statement each for the payment rows, the events and the receipts. A refusal after writing
 * began (a limit, a wallet's floor) rolls the batch back and it is written again without that payment;
 * a batch that fails for another reason is taken one payment per transaction; a key repeated within a
 * batch is taken once and its repeats replay it after the commit. So each caller gets exactly the
 * outcome it would have had alone. Called inside a transaction, {@code create} joins it as before.
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
 * Webhooks: {@code WebhookConsumer} (consumer group {@code reactivepay-webhooks}) turns each merchant's
 * event on {@code payments.events} into one {@code payments.webhook_delivery} row (unique per event id
 * and merchant) and commits its Kafka offsets only after the rows; {@code WebhookDispatcher} claims due
 * rows with {@code FOR UPDATE SKIP LOCKED} and a lease past the attempt's timeouts, so no two instances
 * send a delivery at once, and POSTs them signed outside any transaction; every attempt is logged in
 * {@code payments.webhook_attempt}. Merchants verify with {@code api.WebhookSignature}.
 * <p>
 * Dependencies: ledger, fraud, accounts, vault, and wallet (to debit a customer's wallet with the
 * owner's consent, the customer's token, checked by {@code CustomerTokens.verify}). The wallet module
 * never calls payments; a wallet paying an invoice goes through the wallet API, which calls both.
 */
package io.reactivepay.payments;
