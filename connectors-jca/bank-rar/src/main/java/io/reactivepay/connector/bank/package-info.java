/**
 * The bank-transfer resource adapter: payouts as ISO 20022 {@code pain.001.001.09} credit-transfer
 * files in an outbox folder (a real bank collects them over SFTP), statements of our account as
 * {@code camt.053} files from an inbox folder, parsed into entries for reconciliation. A payout is
 * {@code Pending} once its file is written and {@code Approved} once a statement books its end-to-end id.
 */
package io.reactivepay.connector.bank;
