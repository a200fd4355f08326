package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.FloorPolicy;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.platform.persistence.TimeOrderedIds;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Posts many entries in one transaction with a handful of statements in all, each entry accepted or
 * refused on its own, as if they had been posted one after the other: claim every key at once, lock
 * every account a debit must not take below its floor (in id order, like single posts), check the
 * floors in memory in request order, write the accepted entries together, and give back the keys of
 * the refused ones.
 */
@Dependent
public class EntryBatch {

    private final AccountStore accounts;
    private final Journal journal;
    private final IdempotencyRecords idempotency;

    @Inject
    public EntryBatch(AccountStore accounts, Journal journal, IdempotencyRecords idempotency) {
        this.accounts = accounts;
        this.journal = journal;
        this.idempotency = idempotency;
    }

    public List<PostOutcome> post(Connection connection, List<PostEntry> requests) throws SQLException {
        int size = requests.size();
        PostOutcome[] outcomes = new PostOutcome[size];
        byte[][] hashes = new byte[size][];
        Map<List<String>, Integer> firstWithKey = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        List<IdempotencyRecords.Claim> claims = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            PostEntry request = requests.get(i);
            hashes[i] = RequestHash.of(request);
            if (firstWithKey.putIfAbsent(key(request), i) != null) {
                continue; // answered below, once the first request with the key has its outcome
            }
            try {
                EntryRules.check(request.postings());
            } catch (LedgerException refusal) {
                outcomes[i] = PostOutcome.Refused.of(refusal);
                continue;
            }
            fresh.add(i);
            claims.add(new IdempotencyRecords.Claim(request.clientId(), request.idempotencyKey(), RequestHash.POST,
                    hashes[i], TimeOrderedIds.next()));
        }

        Map<List<String>, IdempotencyRecords.Existing> taken = idempotency.claimAll(connection, claims);
        Map<Integer, IdempotencyRecords.Claim> claimed = new HashMap<>();
        for (int n = 0; n < fresh.size(); n++) {
            int i = fresh.get(n);
            IdempotencyRecords.Existing first = taken.get(key(requests.get(i)));
            if (first == null) {
                claimed.put(i, claims.get(n));
            } else {
                outcomes[i] = replay(connection, requests.get(i), hashes[i], first);
            }
        }

        List<UUID> involved = new ArrayList<>();
        claimed.keySet().forEach(i -> requests.get(i).postings().forEach(posting -> involved.add(posting.accountId())));
        Map<UUID, LedgerAccount> known = accounts.find(connection, involved);
        TreeSet<UUID> floorDebits = new TreeSet<>();
        for (int i : claimed.keySet()) {
            try {
                for (Posting posting : requests.get(i).postings()) {
                    LedgerAccount account = known.get(posting.accountId());
                    if (account == null) {
                        throw new LedgerException(LedgerException.ACCOUNT_NOT_FOUND, "No ledger account " + posting.accountId());
                    }
                    EntryRules.checkAccount(account, posting);
                }
            } catch (LedgerException refusal) {
                outcomes[i] = PostOutcome.Refused.of(refusal);
            }
        }
        for (int i : claimed.keySet()) {
            if (outcomes[i] == null) {
                requests.get(i).postings().stream()
                        .filter(posting -> posting.amount().isNegative()
                                && known.get(posting.accountId()).floor().kind() != FloorPolicy.Kind.UNBOUNDED)
                        .forEach(posting -> floorDebits.add(posting.accountId()));
            }
        }

        Map<UUID, AccountStore.LockedBalance> balances = new HashMap<>();
        if (!floorDebits.isEmpty()) {
            balances.putAll(accounts.lockBalances(connection, floorDebits));
        }
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Entry> accepted = new ArrayList<>();
        List<IdempotencyRecords.Claim> released = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            IdempotencyRecords.Claim claim = claimed.get(i);
            if (claim == null) {
                continue;
            }
            if (outcomes[i] == null) {
                PostEntry request = requests.get(i);
                try {
                    applyInOrder(request, known, balances);
                    Entry entry = new Entry(claim.resultId(), request.code(), request.postings(), request.metadata(),
                            Optional.empty(), createdAt);
                    accepted.add(entry);
                    outcomes[i] = new PostOutcome.Posted(entry);
                } catch (LedgerException refusal) {
                    outcomes[i] = PostOutcome.Refused.of(refusal);
                }
            }
            if (outcomes[i] instanceof PostOutcome.Refused) {
                released.add(claim);
            }
        }
        if (!accepted.isEmpty()) {
            journal.writeAll(connection, accepted, floorDebits);
        }
        idempotency.release(connection, released);

        for (int i = 0; i < size; i++) {
            if (outcomes[i] == null) {
                int first = firstWithKey.get(key(requests.get(i)));
                outcomes[i] = java.security.MessageDigest.isEqual(hashes[first], hashes[i]) ? outcomes[first]
                        : PostOutcome.Refused.of(IdempotencyRecords.conflict(requests.get(i).idempotencyKey()));
            }
        }
        return List.of(outcomes);
    }

    /** Checks the request's floor debits against the balances the earlier requests left, then applies it. */
    private static void applyInOrder(PostEntry request, Map<UUID, LedgerAccount> known,
                                     Map<UUID, AccountStore.LockedBalance> balances) {
        for (Posting posting : request.postings()) {
            AccountStore.LockedBalance balance = balances.get(posting.accountId());
            if (balance != null && posting.amount().isNegative()) {
                Journal.checkDebit(known.get(posting.accountId()), balance, posting);
            }
        }
        for (Posting posting : request.postings()) {
            balances.computeIfPresent(posting.accountId(), (account, balance) -> new AccountStore.LockedBalance(
                    Math.addExact(balance.posted(), posting.amount().minorUnits()), balance.held(), balance.status()));
        }
    }

    private PostOutcome replay(Connection connection, PostEntry request, byte[] hash, IdempotencyRecords.Existing first)
            throws SQLException {
        if (!first.sameRequest(RequestHash.POST, hash)) {
            return PostOutcome.Refused.of(IdempotencyRecords.conflict(request.idempotencyKey()));
        }
        return new PostOutcome.Posted(journal.find(connection, first.resultId()).orElseThrow(() ->
                new IllegalStateException("Idempotency key " + request.idempotencyKey() + " names a missing entry")));
    }

    private static List<String> key(PostEntry request) {
        return List.of(request.clientId(), request.idempotencyKey());
    }
}
