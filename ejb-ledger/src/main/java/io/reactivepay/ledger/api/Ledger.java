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
     * The account's postings after {@code afterPostingId} (0 for the first page), oldest first, with the
     * balance after each; at most {@code limit} (1 to 500) lines.
     */
    List<StatementLine> statement(UUID accountId, long afterPostingId, int limit);
}
