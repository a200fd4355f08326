package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Hold;
import io.reactivepay.ledger.api.HoldRequest;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds: a pending hold raises the debit account's {@code held_minor}, which lowers what it has
 * available; capture, void and expiry lower it again. Lock order everywhere: the hold row first, then
 * the account rows in id order.
 */
@Dependent
public class HoldStore {

    private static final String COLUMNS = "id, debit_account_id, credit_account_id, amount_minor, captured_minor, "
            + "currency, status, expires_at, capture_entry_id, code, metadata::text";

    private final AccountStore accounts;
    private final Journal journal;

    @Inject
    public HoldStore(AccountStore accounts, Journal journal) {
        this.accounts = accounts;
        this.journal = journal;
    }

    public Hold hold(Connection connection, UUID holdId, HoldRequest request) throws SQLException {
        Money amount = request.amount();
        if (!amount.isPositive()) {
            throw new LedgerException(LedgerException.INVALID_ENTRY, "A hold reserves a positive amount");
        }
        if (request.debitAccountId().equals(request.creditAccountId())) {
            throw new LedgerException(LedgerException.INVALID_ENTRY, "A hold moves money between two accounts");
        }
        Map<UUID, LedgerAccount> involved = accounts.find(connection,
                List.of(request.debitAccountId(), request.creditAccountId()));
        LedgerAccount debit = existing(involved, request.debitAccountId());
        LedgerAccount credit = existing(involved, request.creditAccountId());
        EntryRules.checkAccount(debit, Posting.debit(debit.id(), amount));
        EntryRules.checkAccount(credit, Posting.credit(credit.id(), amount));
        AccountStore.LockedBalance balance = accounts.lockBalances(connection, List.of(debit.id())).get(debit.id());
        Journal.checkDebit(debit, balance, Posting.debit(debit.id(), amount));
        accounts.addHeld(connection, debit.id(), amount.minorUnits());
        String sql = """
                INSERT INTO ledger.hold (id, debit_account_id, credit_account_id, amount_minor, currency, code, metadata,
                                         status, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?)""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, holdId);
            insert.setObject(2, debit.id());
            insert.setObject(3, credit.id());
            insert.setLong(4, amount.minorUnits());
            insert.setString(5, amount.currency().getCurrencyCode());
            insert.setString(6, request.code().name());
            insert.setString(7, Metadata.toJson(request.metadata()).toString());
            insert.setTimestamp(8, Timestamp.from(request.expiresAt()));
            insert.executeUpdate();
        }
        return find(connection, holdId).orElseThrow();
    }

    /** Part of a capture credited to a fee account instead of the hold's credit account, with extra metadata. */
    public record Split(UUID feeAccountId, Money fee, Map<String, String> metadata) {
    }

    public Hold capture(Connection connection, UUID holdId, Money amount, UUID entryId) throws SQLException {
        return capture(connection, holdId, amount, entryId, null);
    }

    public Hold capture(Connection connection, UUID holdId, Money amount, UUID entryId, Split split) throws SQLException {
        Locked hold = lockPending(connection, holdId);
        if (!amount.currency().equals(hold.view.amount().currency()) || !amount.isPositive()
                || amount.minorUnits() > hold.view.amount().minorUnits()) {
            throw new LedgerException(LedgerException.CAPTURE_EXCEEDS_HOLD, "A capture takes a positive amount up to "
                    + hold.view.amount() + ", not " + amount);
        }
        List<Posting> postings = new java.util.ArrayList<>(List.of(Posting.debit(hold.view.debitAccountId(), amount)));
        Map<String, String> metadata = new HashMap<>(hold.metadata);
        if (split == null || split.fee().minorUnits() == 0) {
            postings.add(Posting.credit(hold.view.creditAccountId(), amount));
        } else {
            Money fee = split.fee();
            if (!fee.currency().equals(amount.currency()) || fee.isNegative() || fee.minorUnits() > amount.minorUnits()) {
                throw new LedgerException(LedgerException.INVALID_ENTRY, "A fee of " + fee + " does not fit a capture of "
                        + amount);
            }
            if (fee.minorUnits() < amount.minorUnits()) {
                postings.add(Posting.credit(hold.view.creditAccountId(), amount.minus(fee)));
            }
            postings.add(Posting.credit(split.feeAccountId(), fee));
        }
        if (split != null) {
            metadata.putAll(split.metadata());
        }
        accounts.lockBalances(connection, List.of(hold.view.debitAccountId()));
        accounts.addHeld(connection, hold.view.debitAccountId(), -hold.view.amount().minorUnits());
        metadata.put("holdId", holdId.toString());
        journal.post(connection, entryId, hold.code, postings, metadata, null);
        finish(connection, holdId, Hold.Status.CAPTURED, amount.minorUnits(), entryId);
        return find(connection, holdId).orElseThrow();
    }

    public Hold voidHold(Connection connection, UUID holdId) throws SQLException {
        Locked hold = lockPending(connection, holdId);
        accounts.lockBalances(connection, List.of(hold.view.debitAccountId()));
        accounts.addHeld(connection, hold.view.debitAccountId(), -hold.view.amount().minorUnits());
        finish(connection, holdId, Hold.Status.VOIDED, 0, null);
        return find(connection, holdId).orElseThrow();
    }

    /** Releases holds past their expiry; holds another instance is working on are skipped, not waited for. */
    public int expireDue(Connection connection, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM ledger.hold WHERE status = 'PENDING' AND expires_at <= now() "
                + "ORDER BY expires_at LIMIT ? FOR NO KEY UPDATE SKIP LOCKED";
        List<Hold> due = new java.util.ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(hold(row));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        accounts.lockBalances(connection, due.stream().map(Hold::debitAccountId).distinct().toList());
        for (Hold hold : due) {
            accounts.addHeld(connection, hold.debitAccountId(), -hold.amount().minorUnits());
            finish(connection, hold.id(), Hold.Status.EXPIRED, 0, null);
        }
        return due.size();
    }

    public Optional<Hold> find(Connection connection, UUID holdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ledger.hold WHERE id = ?")) {
            select.setObject(1, holdId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(hold(row)) : Optional.empty();
            }
        }
    }

    private record Locked(Hold view, EntryCode code, Map<String, String> metadata) {
    }

    private static Locked lockPending(Connection connection, UUID holdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + ", expires_at <= now() FROM ledger.hold WHERE id = ? FOR NO KEY UPDATE")) {
            select.setObject(1, holdId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new LedgerException(LedgerException.HOLD_NOT_FOUND, "No hold " + holdId);
                }
                Hold hold = hold(row);
                if (hold.status() != Hold.Status.PENDING) {
                    throw new LedgerException(LedgerException.HOLD_NOT_PENDING, "Hold " + holdId + " is " + hold.status());
                }
                if (row.getBoolean(12)) {
                    throw new LedgerException(LedgerException.HOLD_EXPIRED, "Hold " + holdId + " expired at " + hold.expiresAt());
                }
                return new Locked(hold, EntryCode.valueOf(row.getString(10)), Metadata.fromJson(row.getString(11)));
            }
        }
    }

    private static void finish(Connection connection, UUID holdId, Hold.Status status, long captured, UUID entryId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger.hold SET status = ?, captured_minor = ?, capture_entry_id = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setLong(2, captured);
            update.setObject(3, entryId);
            update.setObject(4, holdId);
            update.executeUpdate();
        }
    }

    private static LedgerAccount existing(Map<UUID, LedgerAccount> accounts, UUID id) {
        LedgerAccount account = accounts.get(id);
        if (account == null) {
            throw new LedgerException(LedgerException.ACCOUNT_NOT_FOUND, "No ledger account " + id);
        }
        return account;
    }

    private static Hold hold(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString(6));
        return new Hold(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                new Money(row.getLong(4), currency), new Money(row.getLong(5), currency),
                Hold.Status.valueOf(row.getString(7)), row.getObject(8, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject(9, UUID.class)));
    }
}
