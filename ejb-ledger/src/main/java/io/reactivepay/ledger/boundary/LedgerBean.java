package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.Balance;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.FloorPolicy;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.StatementLine;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.control.AccountStore;
import io.reactivepay.ledger.control.EntryBatch;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.ledger.control.Journal;
import io.reactivepay.ledger.control.RequestHash;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.TimeOrderedIds;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The ledger's transaction boundary; plain JDBC because this is the system's hottest path. */
@Stateless
public class LedgerBean implements Ledger {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    AccountStore accounts;

    @Inject
    Journal journal;

    @Inject
    IdempotencyRecords idempotency;

    @Inject
    EntryBatch batch;

    @Inject
    EntryGroupCommit groupCommit;

    /** Null outside a container (module tests), where every call runs in the test's transaction. */
    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public LedgerAccount openAccount(OpenAccount request) {
        return Jdbc.with(dataSource, "Opening a ledger account", connection -> accounts.open(connection, request))
                .orElseThrow(() -> new LedgerException(LedgerException.ACCOUNT_EXISTS, "Owner " + request.ownerRef()
                        + " already has a " + request.kind() + " account in " + request.currency()));
    }

    @Override
    public LedgerAccount systemAccount(SystemAccount role, Currency currency) {
        return Jdbc.with(dataSource, "Opening a system account", connection -> {
            OpenAccount request = new OpenAccount(role.ownerRef(), currency, AccountKind.SYSTEM, FloorPolicy.UNBOUNDED);
            Optional<LedgerAccount> opened = accounts.open(connection, request);
            return opened.isPresent() ? opened.get()
                    : accounts.findByOwner(connection, role.ownerRef(), AccountKind.SYSTEM, currency).orElseThrow();
        });
    }

    @Override
    public Optional<LedgerAccount> account(UUID id) {
        return Jdbc.with(dataSource, "Reading a ledger account",
                connection -> Optional.ofNullable(accounts.find(connection, List.of(id)).get(id)));
    }

    @Override
    public LedgerAccount changeStatus(UUID accountId, AccountStatus status) {
        return Jdbc.with(dataSource, "Changing an account's status", connection -> {
            accounts.changeStatus(connection, accountId, status);
            return accounts.require(connection, accountId);
        });
    }

    /** Without a caller transaction the entry is group-committed; within one, it joins it. */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Entry post(PostEntry request) {
        if (transactions != null && transactions.getTransactionKey() == null) {
            return groupCommit.post(request).entryOrThrow();
        }
        return postOnce(request.clientId(), request.idempotencyKey(), RequestHash.POST, RequestHash.of(request),
                (connection, entryId) -> journal.post(connection, entryId, request.code(), request.postings(),
                        request.metadata(), null));
    }

    @Override
    public List<PostOutcome> postAll(List<PostEntry> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return Jdbc.with(dataSource, "Posting entries", connection -> batch.post(connection, requests));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Entry transfer(String clientId, String idempotencyKey, UUID fromAccountId, UUID toAccountId, Money amount,
                          EntryCode code) {
        return post(new PostEntry(clientId, idempotencyKey, code,
                List.of(Posting.debit(fromAccountId, amount), Posting.credit(toAccountId, amount)), Map.of()));
    }

    @Override
    public Entry reverse(String clientId, String idempotencyKey, UUID entryId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new LedgerException(LedgerException.INVALID_REQUEST, "A reversal needs a reason of 1 to 500 characters");
        }
        byte[] hash = RequestHash.of("REVERSE").add(entryId).add(reason).digest();
        return postOnce(clientId, idempotencyKey, "REVERSE", hash, (connection, reversalId) -> {
            Entry original = journal.find(connection, entryId).orElseThrow(() ->
                    new LedgerException(LedgerException.ENTRY_NOT_FOUND, "No entry " + entryId));
            if (journal.isReversed(connection, entryId)) {
                throw new LedgerException(LedgerException.ALREADY_REVERSED, "Entry " + entryId + " is already reversed");
            }
            List<Posting> mirror = original.postings().stream()
                    .map(posting -> new Posting(posting.accountId(), posting.amount().negate())).toList();
            return journal.post(connection, reversalId, EntryCode.REVERSAL, mirror, Map.of("reason", reason), entryId);
        });
    }

    @FunctionalInterface
    private interface Posted {
        Entry post(java.sql.Connection connection, UUID entryId) throws java.sql.SQLException;
    }

    /** Claims the key, then posts; a replay returns the entry the first request posted. */
    private Entry postOnce(String clientId, String key, String operation, byte[] hash, Posted work) {
        return Jdbc.with(dataSource, "Posting an entry", connection -> {
            UUID entryId = TimeOrderedIds.next();
            Optional<UUID> first = idempotency.claim(connection, clientId, key, operation, hash, entryId);
            if (first.isPresent()) {
                return journal.find(connection, first.get()).orElseThrow();
            }
            return work.post(connection, entryId);
        });
    }

    @Override
    public Optional<Entry> entry(UUID entryId) {
        return Jdbc.with(dataSource, "Reading an entry", connection -> journal.find(connection, entryId));
    }

    @Override
    public Balance balance(UUID accountId) {
        return Jdbc.with(dataSource, "Reading a balance", connection -> accounts.balance(connection, accountId));
    }

    @Override
    public Money balanceAt(UUID accountId, Instant at) {
        return Jdbc.with(dataSource, "Reading a past balance", connection -> {
            LedgerAccount account = accounts.require(connection, accountId);
            return new Money(journal.balanceAt(connection, accountId, at), account.currency());
        });
    }

    @Override
    public List<StatementLine> statement(UUID accountId, long afterPostingId, int limit) {
        if (limit < 1 || limit > 500 || afterPostingId < 0) {
            throw new LedgerException(LedgerException.INVALID_REQUEST, "A statement page has 1 to 500 lines");
        }
        return Jdbc.with(dataSource, "Reading a statement", connection -> {
            accounts.require(connection, accountId);
            return journal.statement(connection, accountId, afterPostingId, limit);
        });
    }
}
