package io.reactivepay.ledger.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The double-entry ledger. Every method joins the caller's JTA transaction, so what the ledger records
 * commits or rolls back together with the caller's own changes; every refusal is a
 * {@link LedgerException} that leaves nothing behind.
 * <p>
 * {@link #post} and {@link #transfer} called <em>without</em> a transaction are group-committed: the
 * entry is written with those of other callers in one transaction and the call returns once that
 * transaction has committed, so the caller sees exactly what a transaction of its own would give it,
 * at a fraction of the cost per entry.
 */
@Local
public interface Ledger {

    /**
     * Opens an account. An owner has at most one account of a kind per currency.
     *
     * @throws LedgerException {@link LedgerException#ACCOUNT_EXISTS} if the owner already has one
     */
    LedgerAccount openAccount(OpenAccount request);

    /** The system account of that role and currency, opened on first use. */
    LedgerAccount systemAccount(SystemAccount role, Currency currency);

    Optional<LedgerAccount> account(UUID id);

    /** Freezes, unfreezes or closes an account. */
    LedgerAccount changeStatus(UUID accountId, AccountStatus status);

    /**
     * Posts an entry: all postings or none. Idempotent per client and key.
     *
     * @throws LedgerException invalid entry, unknown/frozen/closed account, currency mismatch, a debit
     *                         that would take an account below its floor, or a key reused for another request
     */
    Entry post(PostEntry request);

    /**
     * Posts several entries in the caller's transaction, each on its own and in order: an entry that is
     * refused (same reasons as {@link #post}) leaves nothing behind and does not stop the others; a later
     * entry sees the balances the earlier ones left. Idempotent per client and key like {@link #post}; a
     * key repeated within the list replays the first request with it (or is refused if the requests
     * differ). Written with a few statements for the whole list, which is what makes group commit fast.
     *
     * @return one outcome per request, in the order of the requests
     */
    List<PostOutcome> postAll(List<PostEntry> requests);

    /** Moves money between two accounts: shorthand for a two-posting entry. */
    Entry transfer(String clientId, String idempotencyKey, UUID fromAccountId, UUID toAccountId, Money amount,
                   EntryCode code);

    /** Posts the mirror of an entry (code REVERSAL); the original stays as it was. An entry is reversed once. */
    Entry reverse(String clientId, String idempotencyKey, UUID entryId, String reason);

    Optional<Entry> entry(UUID entryId);

    Balance balance(UUID accountId);

    /** The posted balance at a past moment: the sum of the account's postings made until then. */
    Money balanceAt(UUID accountId, Instant at);

    /**
     * The account's postings after the one with id {@code afterPostingId} (0 for the first page), with
     * the balance after each; at most {@code limit} (1 to 500) lines. Lines come in the order their
     * transactions began, then by id, and a posting shows only once every transaction that began before
     * its own has ended (usually milliseconds): so paging on never misses a posting that commits late.
     */
    List<StatementLine> statement(UUID accountId, long afterPostingId, int limit);
}
