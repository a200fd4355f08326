package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.FloorPolicy;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.StatementLine;
import io.reactivepay.platform.event.EventEnvelope;
import io.reactivepay.platform.event.Topics;
import io.reactivepay.platform.json.Jsons;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Posts entries and reads them back. A posting that debits an account with a floor locks that account
 * and changes its balance in place after checking the floor; every other posting only appends a delta,
 * so the accounts that receive money (merchants, fees) are never locked by a payment.
 */
@Dependent
public class Journal {

    private final AccountStore accounts;
    private final OutboxWriter outbox;

    @Inject
    public Journal(AccountStore accounts, OutboxWriter outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    public Entry post(Connection connection, UUID entryId, EntryCode code, List<Posting> postings,
                      Map<String, String> metadata, UUID reverses) throws SQLException {
        EntryRules.check(postings);
        Map<UUID, LedgerAccount> involved = accounts.find(connection, postings.stream().map(Posting::accountId).toList());
        TreeSet<UUID> floorDebits = new TreeSet<>();
        for (Posting posting : postings) {
            LedgerAccount account = involved.get(posting.accountId());
            if (account == null) {
                throw new LedgerException(LedgerException.ACCOUNT_NOT_FOUND, "No ledger account " + posting.accountId());
            }
            EntryRules.checkAccount(account, posting);
            if (posting.amount().isNegative() && account.floor().kind() != FloorPolicy.Kind.UNBOUNDED) {
                floorDebits.add(account.id());
            }
        }
        if (!floorDebits.isEmpty()) {
            Map<UUID, AccountStore.LockedBalance> balances = accounts.lockBalances(connection, floorDebits);
            for (Posting posting : postings) {
                if (floorDebits.contains(posting.accountId())) {
                    checkDebit(involved.get(posting.accountId()), balances.get(posting.accountId()), posting);
                }
            }
        }
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Entry entry = new Entry(entryId, code, postings, metadata, Optional.ofNullable(reverses), createdAt);
        write(connection, entry, floorDebits);
        return entry;
    }

    /**
     * Writes the entry, its postings, the balance changes and the outbox event in one statement: one
     * round trip to the database instead of five, which is most of a transfer's cost.
     */
    private static void write(Connection connection, Entry entry, TreeSet<UUID> inPlace) throws SQLException {
        List<Posting> postings = entry.postings();
        List<UUID> accounts = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<UUID> inPlaceAccounts = new ArrayList<>();
        List<Long> inPlaceAmounts = new ArrayList<>();
        List<UUID> deltaAccounts = new ArrayList<>();
        List<Long> deltaAmounts = new ArrayList<>();
        for (Posting posting : postings) {
            accounts.add(posting.accountId());
            amounts.add(posting.amount().minorUnits());
            currencies.add(posting.amount().currency().getCurrencyCode());
            boolean locked = inPlace.contains(posting.accountId());
            (locked ? inPlaceAccounts : deltaAccounts).add(posting.accountId());
            (locked ? inPlaceAmounts : deltaAmounts).add(posting.amount().minorUnits());
        }
        EventEnvelope event = event(entry);
        try (PreparedStatement write = connection.prepareStatement(WRITE_ENTRY)) {
            Timestamp at = Timestamp.from(entry.createdAt());
            write.setObject(1, entry.id());
            write.setString(2, entry.code().name());
            write.setString(3, Metadata.toJson(entry.metadata()).toString());
            write.setObject(4, entry.reverses().orElse(null));
            write.setTimestamp(5, at);
            write.setArray(6, connection.createArrayOf("uuid", accounts.toArray()));
            write.setArray(7, connection.createArrayOf("bigint", amounts.toArray()));
            write.setArray(8, connection.createArrayOf("text", currencies.toArray()));
            write.setArray(9, connection.createArrayOf("uuid", inPlaceAccounts.toArray()));
            write.setArray(10, connection.createArrayOf("bigint", inPlaceAmounts.toArray()));
            write.setArray(11, connection.createArrayOf("uuid", deltaAccounts.toArray()));
            write.setArray(12, connection.createArrayOf("bigint", deltaAmounts.toArray()));
            write.setObject(13, event.id());
            write.setString(14, event.topic());
            write.setString(15, event.key());
            write.setString(16, event.type());
            write.setTimestamp(17, Timestamp.from(event.occurredAt()));
            write.setString(18, event.payload());
            write.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && entry.reverses().isPresent()) {
                throw new LedgerException(LedgerException.ALREADY_REVERSED,
                        "Entry " + entry.reverses().get() + " is already reversed");
            }
            throw e;
        }
    }

    private static final String WRITE_ENTRY = """
            WITH entry AS (
                INSERT INTO ledger.entry (id, code, metadata, reverses, created_at) VALUES (?, ?, ?::jsonb, ?, ?)
                RETURNING id, created_at
            ), postings AS (
                INSERT INTO ledger.posting (entry_id, account_id, amount_minor, currency, created_at)
                SELECT entry.id, t.account, t.amount, t.currency, entry.created_at
                FROM entry, unnest(?::uuid[], ?::bigint[], ?::text[]) WITH ORDINALITY AS t(account, amount, currency, n)
                ORDER BY t.n
            ), in_place AS (
                UPDATE ledger.account a SET balance_minor = a.balance_minor + t.amount
                FROM unnest(?::uuid[], ?::bigint[]) AS t(account, amount) WHERE a.id = t.account
            ), deltas AS (
                INSERT INTO ledger.balance_delta (account_id, amount_minor)
                SELECT t.account, t.amount FROM unnest(?::uuid[], ?::bigint[]) AS t(account, amount)
            )
            INSERT INTO ledger.outbox (event_id, topic, event_key, event_type, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?)""";

    /** The floor check, on balances and status read under the account's lock (a freeze committed meanwhile wins). */
    static void checkDebit(LedgerAccount account, AccountStore.LockedBalance balance, Posting debit) {
        if (balance.status() != AccountStatus.OPEN) {
            throw new LedgerException(balance.status() == AccountStatus.CLOSED ? LedgerException.ACCOUNT_CLOSED
                    : LedgerException.ACCOUNT_FROZEN, "Account " + account.id() + " is " + balance.status());
        }
        long after = Math.addExact(balance.available(), debit.amount().minorUnits());
        if (!account.floor().allows(after)) {
            throw new LedgerException(LedgerException.INSUFFICIENT_FUNDS, "Account " + account.id() + " has "
                    + new Money(balance.available(), debit.amount().currency()) + " available, not enough for "
                    + debit.amount().negate());
        }
    }

    public Optional<Entry> find(Connection connection, UUID entryId) throws SQLException {
        String sql = """
                SELECT e.code, e.metadata::text, e.reverses, e.created_at, p.account_id, p.amount_minor, p.currency
                FROM ledger.entry e JOIN ledger.posting p ON p.entry_id = e.id WHERE e.id = ? ORDER BY p.id""";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, entryId);
            try (ResultSet row = select.executeQuery()) {
                Entry entry = null;
                List<Posting> postings = new ArrayList<>();
                while (row.next()) {
                    if (entry == null) {
                        entry = new Entry(entryId, EntryCode.valueOf(row.getString(1)), postings,
                                Metadata.fromJson(row.getString(2)), Optional.ofNullable(row.getObject(3, UUID.class)),
                                row.getObject(4, OffsetDateTime.class).toInstant());
                    }
                    postings.add(new Posting(row.getObject(5, UUID.class),
                            new Money(row.getLong(6), Currency.getInstance(row.getString(7)))));
                }
                return entry == null ? Optional.empty()
                        : Optional.of(new Entry(entry.id(), entry.code(), List.copyOf(postings), entry.metadata(),
                                entry.reverses(), entry.createdAt()));
            }
        }
    }

    /** Whether an entry has been reversed already. */
    public boolean isReversed(Connection connection, UUID entryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM ledger.entry WHERE reverses = ?")) {
            select.setObject(1, entryId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public long balanceAt(Connection connection, UUID accountId, Instant at) throws SQLException {
        String sql = "SELECT coalesce(sum(amount_minor), 0) FROM ledger.posting WHERE account_id = ? AND created_at <= ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, accountId);
            select.setTimestamp(2, Timestamp.from(at));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public List<StatementLine> statement(Connection connection, UUID accountId, long afterPostingId, int limit)
            throws SQLException {
        String sql = """
                SELECT p.id, p.entry_id, e.code, p.amount_minor, p.currency, p.created_at,
                       (SELECT coalesce(sum(amount_minor), 0) FROM ledger.posting
                        WHERE account_id = ? AND id <= ?) + sum(p.amount_minor) OVER (ORDER BY p.id)
                FROM ledger.posting p JOIN ledger.entry e ON e.id = p.entry_id
                WHERE p.account_id = ? AND p.id > ?
                ORDER BY p.id LIMIT ?""";
        List<StatementLine> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, accountId);
            select.setLong(2, afterPostingId);
            select.setObject(3, accountId);
            select.setLong(4, afterPostingId);
            select.setInt(5, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Currency currency = Currency.getInstance(row.getString(5));
                    lines.add(new StatementLine(row.getLong(1), row.getObject(2, UUID.class),
                            EntryCode.valueOf(row.getString(3)), new Money(row.getLong(4), currency),
                            new Money(row.getLong(7), currency), row.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return lines;
    }

    private static EventEnvelope event(Entry entry) {
        JsonArrayBuilder postings = Jsons.PROVIDER.createArrayBuilder();
        for (Posting posting : entry.postings()) {
            postings.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("accountId", posting.accountId().toString())
                    .add("amountMinor", posting.amount().minorUnits())
                    .add("currency", posting.amount().currency().getCurrencyCode()));
        }
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder()
                .add("entryId", entry.id().toString())
                .add("code", entry.code().name())
                .add("postings", postings)
                .add("metadata", Metadata.toJson(entry.metadata()))
                .add("createdAt", entry.createdAt().toString());
        entry.reverses().ifPresent(original -> body.add("reverses", original.toString()));
        return EventEnvelope.of(Topics.LEDGER_ENTRIES, entry.id().toString(), "EntryPosted", body.build().toString());
    }
}
