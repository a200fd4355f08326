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
import java.util.Set;
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

    @Inject
    public Journal(AccountStore accounts) {
        this.accounts = accounts;
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
        writeAll(connection, List.of(entry), floorDebits);
        return entry;
    }

    /**
     * Writes entries, their postings, the balance changes and the outbox events in one statement,
     * whatever the number of entries: one round trip instead of five per entry, which is most of an
     * entry's cost. Postings on the {@code inPlace} accounts (locked by the caller) change
     * {@code balance_minor}; all others append one delta per account.
     */
    public void writeAll(Connection connection, List<Entry> entries, Set<UUID> inPlace) throws SQLException {
        Columns entryColumns = new Columns();
        Columns postingColumns = new Columns();
        Columns balanceColumns = new Columns();
        Columns deltaColumns = new Columns();
        Columns eventColumns = new Columns();
        for (Entry entry : entries) {
            entryColumns.add(0, entry.id()).add(1, entry.code().name()).add(2, Metadata.toJson(entry.metadata()).toString())
                    .add(3, entry.reverses().orElse(null)).add(4, entry.createdAt().toString());
            for (Posting posting : entry.postings()) {
                postingColumns.add(0, entry.id()).add(1, posting.accountId()).add(2, posting.amount().minorUnits())
                        .add(3, posting.amount().currency().getCurrencyCode()).add(4, entry.createdAt().toString());
                (inPlace.contains(posting.accountId()) ? balanceColumns : deltaColumns)
                        .add(0, posting.accountId()).add(1, posting.amount().minorUnits());
            }
            EventEnvelope event = event(entry);
            eventColumns.add(0, event.id()).add(1, event.topic()).add(2, event.key()).add(3, event.type())
                    .add(4, event.occurredAt().toString()).add(5, event.payload());
        }
        try (PreparedStatement write = connection.prepareStatement(WRITE_ENTRIES)) {
            int parameter = 1;
            parameter = entryColumns.bind(connection, write, parameter, "uuid", "text", "text", "uuid", "text");
            parameter = postingColumns.bind(connection, write, parameter, "uuid", "uuid", "bigint", "text", "text");
            parameter = balanceColumns.bind(connection, write, parameter, "uuid", "bigint");
            parameter = deltaColumns.bind(connection, write, parameter, "uuid", "bigint");
            eventColumns.bind(connection, write, parameter, "uuid", "text", "text", "text", "text", "text");
            write.executeUpdate();
        } catch (SQLException e) {
            Optional<UUID> reversed = entries.stream().flatMap(entry -> entry.reverses().stream()).findFirst();
            if ("23505".equals(e.getSQLState()) && reversed.isPresent()) {
                throw new LedgerException(LedgerException.ALREADY_REVERSED, "Entry " + reversed.get() + " is already reversed");
            }
            throw e;
        }
    }

    /** Values per column, bound as one array parameter each. */
    private static final class Columns {

        private final List<List<Object>> columns = new ArrayList<>();

        Columns add(int column, Object value) {
            while (columns.size() <= column) {
                columns.add(new ArrayList<>());
            }
            columns.get(column).add(value);
            return this;
        }

        int bind(Connection connection, PreparedStatement statement, int first, String... types) throws SQLException {
            for (int i = 0; i < types.length; i++) {
                List<Object> values = i < columns.size() ? columns.get(i) : List.of();
                statement.setArray(first + i, connection.createArrayOf(types[i], values.toArray()));
            }
            return first + types.length;
        }
    }

    // Postings keep the order of the request (find() reads them back by id); balance changes are summed
    // per account, because UPDATE ... FROM applies one row per target and a batch may touch an account twice.
    private static final String WRITE_ENTRIES = """
            WITH entries AS (
                INSERT INTO ledger.entry (id, code, metadata, reverses, created_at)
                SELECT t.id, t.code, t.metadata::jsonb, t.reverses, t.created_at::timestamptz
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[]) AS t(id, code, metadata, reverses, created_at)
            ), postings AS (
                INSERT INTO ledger.posting (entry_id, account_id, amount_minor, currency, created_at)
                SELECT t.entry_id, t.account, t.amount, t.currency, t.created_at::timestamptz
                FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[])
                     WITH ORDINALITY AS t(entry_id, account, amount, currency, created_at, n)
                ORDER BY t.n
            ), in_place AS (
                UPDATE ledger.account a SET balance_minor = a.balance_minor + t.amount
                FROM (SELECT account, sum(amount) AS amount FROM unnest(?::uuid[], ?::bigint[]) AS u(account, amount)
                      GROUP BY account) t
                WHERE a.id = t.account
            ), deltas AS (
                INSERT INTO ledger.balance_delta (account_id, amount_minor)
                SELECT account, sum(amount) FROM unnest(?::uuid[], ?::bigint[]) AS u(account, amount) GROUP BY account
            )
            INSERT INTO ledger.outbox (event_id, topic, event_key, event_type, occurred_at, payload)
            SELECT t.event_id, t.topic, t.event_key, t.event_type, t.occurred_at::timestamptz, t.payload
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS t(event_id, topic, event_key, event_type, occurred_at, payload, n)
            ORDER BY t.n""";

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
                WITH after AS (
                    SELECT coalesce((SELECT tx FROM ledger.posting WHERE id = ? AND account_id = ?), '0'::xid8) AS tx,
                           ? AS id
                ), page AS (
                    SELECT p.id, p.entry_id, p.amount_minor, p.currency, p.created_at, p.tx
                    FROM ledger.posting p, after
                    WHERE p.account_id = ? AND (p.tx, p.id) > (after.tx, after.id)
                      AND p.tx < pg_snapshot_xmin(pg_current_snapshot())
                    ORDER BY p.tx, p.id LIMIT ?
                )
                SELECT page.id, page.entry_id, e.code, page.amount_minor, page.currency, page.created_at,
                       (SELECT coalesce(sum(b.amount_minor), 0) FROM ledger.posting b, after
                        WHERE b.account_id = ? AND (b.tx, b.id) <= (after.tx, after.id))
                       + sum(page.amount_minor) OVER (ORDER BY page.tx, page.id)
                FROM page JOIN ledger.entry e ON e.id = page.entry_id
                ORDER BY page.tx, page.id""";
        List<StatementLine> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, afterPostingId);
            select.setObject(2, accountId);
            select.setLong(3, afterPostingId);
            select.setObject(4, accountId);
            select.setInt(5, limit);
            select.setObject(6, accountId);
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
