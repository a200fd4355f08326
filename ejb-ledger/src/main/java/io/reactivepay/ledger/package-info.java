/**
 * The double-entry core: ledger accounts, journal entries and postings, holds, balances, idempotency
 * records, and the transactional outbox with its relay to Kafka.
 * <p>
 * Invariants: the journal is append-only; every entry's postings sum to zero per currency; an event
 * written to the outbox commits or rolls back with the business change that caused it, and the relay
 * publishes each committed event at least once, in id order, from one server instance at a time.
 * This module depends on nobody but {@code platform}.
 */
package io.reactivepay.ledger;
