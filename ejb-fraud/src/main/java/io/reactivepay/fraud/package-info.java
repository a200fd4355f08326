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
 * second per server and reloads on change. Velocity counters are hourly rows per keyed party, upserted
 * in the screening transaction; a window of up to 30 days sums at most 721 rows of one key through the
 * primary key, and only for parties an applicable rule counts. A window weighs its oldest hour by the
 * share still inside it, so it slides without storing events. Merchant counters are spread over 16
 * shards, one per calling thread, so one merchant's payments do not queue on one row lock until commit. Two concurrent
 * screenings of one party may both see the count before the other: a velocity limit can be passed by
 * the number of screenings in flight for that party at that instant.
 * <p>
 * <b>Rate limits.</b> A fixed-window counter row per scope, hashed key and window, raised by one
 * statement only while under the limit, in a transaction of its own: every server shares the count.
 * <p>
 * Configuration: {@code reactivepay.fraud.hash-key} (base64, at least 256 bits; the default suits the
 * embedded demo only), {@code reactivepay.fraud.rate-limit.ip}, {@code .api-key}, {@code .merchant}
 * (hits/seconds, defaults 600/60, 3000/60, 6000/60).
 */
package io.reactivepay.fraud;
