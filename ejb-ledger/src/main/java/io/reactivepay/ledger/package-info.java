/**
 * The double-entry core: ledger accounts, journal entries and postings, holds, balances, idempotency
 * records, and the transactional outbox with its relay to Kafka.
 * <p>
 * Invariants: the journal is append-only (a correction is a reversal entry); every entry has 2 to 32
 * postings on distinct accounts that sum to zero per currency, all applied or none; no account goes
 * below its floor; an account's posted balance always equals the sum of its postings; every entry
 * writes its {@code ledger.entries} event to the outbox in the same transaction, and the relay
 * publishes each committed event at least once, in id order, from one server instance at a time (an
 * event whose transaction commits after events with higher ids were published follows them within
 * seconds: the relay reads on from the last id it published, steps back 10,000 ids every 5 s and reads
 * from the start every minute, see {@code OutboxCursor}).
 * Money-moving calls are idempotent per client and key ({@code ledger.idempotency}). This module
 * depends on nobody but {@code platform}.
 * <p>
 * <b>Hot accounts.</b> Only a debit that must respect a floor needs to see the account's balance, so
 * only such a debit locks the account row (in id order, so no two transactions wait on each other in
 * a cycle), checks the floor and changes {@code balance_minor} in place. Every other posting &mdash;
 * any credit, and debits of unbounded system accounts &mdash; only appends a row to
 * {@code balance_delta} and locks nothing. A merchant receiving every payment, or a fee account, is
 * therefore never a point of contention; a background roll-up ({@code LedgerJobs}) folds deltas into
 * balances with {@code SKIP LOCKED}, skipping accounts a posting holds. The posted balance is
 * {@code balance_minor + sum(balance_delta)}; a floor check reads it after taking the lock, when no
 * roll-up can be moving that account's deltas. Credits can only raise a balance, so a credit that
 * commits meanwhile never invalidates a floor check. A hot account that is also debited against a
 * floor (a merchant's refunds) serialises those debits only. Row locks are {@code FOR NO KEY UPDATE}.
 * Postings and balance changes carry no foreign keys: a foreign key locks the account row
 * {@code FOR KEY SHARE} for every posting (every transaction crediting a merchant would lock the
 * merchant's row, as multixacts) and looks it up once more per row, while the journal writes only
 * postings on accounts it has just read and checked, in the statement that writes their entry. Deletes
 * of accounts, entries and postings are refused by triggers, and the invariant check reports any
 * posting or balance change whose account or entry is missing. {@code ConcurrencyIT} checks this under
 * load.
 * <p>
 * <b>Group commit.</b> A transaction per entry costs PostgreSQL a commit and five round trips, and the
 * benchmark showed that this, not locking, is what limits a ledger on a small machine. So
 * {@code Ledger.postAll} posts a list of entries with the same five statements whatever its length
 * ({@code EntryBatch}): claim all idempotency keys (in key order, so batches sharing keys queue instead
 * of deadlocking), read the accounts, lock the floor-checked debit accounts in id order, check the
 * floors in memory in request order (a later entry sees what the earlier ones left, exactly as if they
 * had been posted one by one), write every accepted entry, posting, balance change and event in one
 * statement, and give back the keys of refused entries. {@code post} and {@code transfer} called
 * without a transaction go through {@code GroupCommitter}: callers queue their entries and wait, two
 * writer threads each post whatever has queued as one transaction (one builds its batch while the other
 * waits for the disk), and each caller gets its own outcome once the batch has committed. A batch that
 * fails as a whole is retried entry by entry, each in a transaction of its own, so one failure reaches
 * only the callers it concerns; a retry after a lost commit is safe because the keys are idempotent.
 * Called inside a transaction, {@code post} joins it as before: the caller's changes and the entry
 * commit together. The entries of one batch share their {@code created_at}, which is how the benchmark
 * counts entries per commit.
 * <p>
 * <b>Holds.</b> A pending hold adds to the debit account's {@code held_minor}; available is posted
 * minus held. Capture posts up to the held amount and releases the rest; void and expiry release all.
 * Lock order: the hold row first, then account rows in id order.
 */
package io.reactivepay.ledger;
