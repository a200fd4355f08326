/**
 * Fraud prevention and traffic filtering: rules, black and white lists, velocity counters, scoring and
 * decisions, the review queue and request rate limits.
 * <p>
 * Invariants: every payment, top-up and transfer is screened before money moves, inside the caller's
 * transaction, once per reference (a repeat returns the stored decision and counts nothing); a
 * decision records the rules that fired with their versions and scores; rule, threshold, list and
 * review actions are written to the accounts audit log in the same transaction; no e-mail, phone,
 * IP, card token or API key is stored in clear (keyed hashes, {@code reactivepay.fraud.hash-key}).
 * <p>
 * <b>Decision.</b> Lists first: a black entry declines without evaluating rules, unless a white entry
 * of the same request overrides black entries; for IP ranges the longest prefix decides. A white entry
 * skips the rules it names, or all. Then the merchant's rules (the global ones, each replaceable per
 * merchant by key) add scores or force REVIEW/DECLINE; the total against the merchant's (or global)
 * thresholds gives a verdict, and the stricter of the two wins.
 * <p>
 * <b>Speed.</b> Rules live in memory; a screening reads the one-row rule-set version at most once a
 * second per server and reloads on change. A screening, or a batch of them ({@code screenAll}, same
 * decisions as one by one), takes two round trips: the stored decisions, list matches and
 * count-and-read of the velocity counters in one; the decisions with their declines in the other.
 * Velocity counters are hourly rows per keyed party; a window of N hours is the current hour so far
 * plus the N whole hours before it (every event of the last N hours, none older than N + 1), read per
 * key through the primary key, and only for parties an applicable rule counts. Merchant counters are
 * spread over 16 shards, one per calling thread, so one merchant's payments do not queue on one row
 * lock until commit.
 * <p>
 * <b>Bursts.</b> A screening counts itself before it reads: the upsert locks the party's current-hour
 * row until commit and returns the latest committed count, so concurrent screenings of one card,
 * e-mail, IP... take turns and a limit of K lets exactly K through. Not covered, by design: a merchant's
 * other shards, the party's rows in other currencies, and the previous hour in the first moments of a
 * new one are read as committed when the statement starts.
 * <p>
 * <b>Rate limits.</b> A fixed-window counter row per scope, hashed key and window, shared by every
 * server. A server leases the window's budget in slices (a hundredth of the limit, at least one) by one
 * autocommitted statement that never grants past the limit, and spends them in memory; once refused,
 * it refuses that window without asking again. Servers together never pass the limit; a slice one
 * server leased but has not spent is not available to the others until the window ends.
 * <p>
 * Configuration (README): {@code reactivepay.fraud.hash-key} (base64, at least 256 bits; unset, derived
 * from {@code reactivepay.crypto.blind-index-key}; neither set fails the deployment),
 * {@code reactivepay.fraud.rate-limit.ip}, {@code .api-key}, {@code .merchant} (hits/seconds, defaults
 * 600/60, 3000/60, 6000/60).
 */
package io.reactivepay.fraud;
