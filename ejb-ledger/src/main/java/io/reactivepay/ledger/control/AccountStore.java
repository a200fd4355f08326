package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.AccountKind;
import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.Balance;
import io.reactivepay.ledger.api.FloorPolicy;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.OpenAccount;
import io.reactivepay.platform.money.Money;
import jakarta.enterprise.context.Dependent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Ledger accounts and their balances ({@code balance_minor} plus the not yet rolled-up deltas). */
@Dependent
public class AccountStore {

    private static final String COLUMNS = "id, owner_ref, currency, kind, floor_policy, overdraft_minor, status, created_at";

    public Optional<LedgerAccount> open(Connection connection, OpenAccount request) throws SQLException {
        String sql = "INSERT INTO ledger.account (id, owner_ref, currency, kind, floor_policy, overdraft_minor) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT account_owner_kind_currency_uq DO NOTHING "
                + "RETURNING " + COLUMNS;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, request.ownerRef());
            insert.setString(3, request.currency().getCurrencyCode());
            insert.setString(4, request.kind().name());
            insert.setString(5, request.floor().kind().name());
            insert.setLong(6, request.floor().overdraftMinor());
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        }
    }

    public Optional<LedgerAccount> findByOwner(Connection connection, String ownerRef, AccountKind kind, Currency currency)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM ledger.account WHERE owner_ref = ? AND kind = ? AND currency = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, ownerRef);
            select.setString(2, kind.name());
            select.setString(3, currency.getCurrencyCode());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        }
    }

    public Map<UUID, LedgerAccount> find(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, LedgerAccount> accounts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM ledger.account WHERE id = ANY (?)")) {
            select.setArray(1, uuids(connection, ids));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    LedgerAccount account = account(row);
                    accounts.put(account.id(), account);
                }
            }
        }
        return accounts;
    }

    public LedgerAccount require(Connection connection, UUID id) throws SQLException {
        LedgerAccount account = find(connection, java.util.List.of(id)).get(id);
        if (account == null) {
            throw new LedgerException(LedgerException.ACCOUNT_NOT_FOUND, "No ledger account " + id);
        }
        return account;
    }

    public void changeStatus(Connection connection, UUID id, AccountStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ledger.account SET status = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setObject(2, id);
            if (update.executeUpdate() == 0) {
                throw new LedgerException(LedgerException.ACCOUNT_NOT_FOUND, "No ledger account " + id);
            }
        }
    }

    /**
     * Locks the accounts in id order (the one global order, so two transactions never wait on each other
     * in a cycle) and then reads their balances: read after the lock, the balances include everything
     * committed before, and no roll-up can be moving them.
     *
     * @return per account its balances and status as they are under the lock
     */
    public Map<UUID, LockedBalance> lockBalances(Connection connection, Collection<UUID> ids) throws SQLException {
        Array idArray = uuids(connection, ids);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM ledger.account WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE")) {
            lock.setArray(1, idArray);
            lock.executeQuery().close();
        }
        String sql = """
                SELECT a.id, a.balance_minor + coalesce(d.total, 0), a.held_minor, a.status
                FROM ledger.account a
                LEFT JOIN (SELECT account_id, sum(amount_minor) AS total FROM ledger.balance_delta
                           WHERE account_id = ANY (?) GROUP BY account_id) d ON d.account_id = a.id
                WHERE a.id = ANY (?)""";
        Map<UUID, LockedBalance> balances = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            read.setArray(1, idArray);
            read.setArray(2, idArray);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    balances.put(row.getObject(1, UUID.class),
                            new LockedBalance(row.getLong(2), row.getLong(3), AccountStatus.valueOf(row.getString(4))));
                }
            }
        }
        return balances;
    }

    /** An account's balances read under its row lock. */
    public record LockedBalance(long posted, long held, AccountStatus status) {

        public long available() {
            return posted - held;
        }
    }

    public void addHeld(Connection connection, UUID accountId, long amount) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger.account SET held_minor = held_minor + ? WHERE id = ?")) {
            update.setLong(1, amount);
            update.setObject(2, accountId);
            update.executeUpdate();
        }
    }

    public Balance balance(Connection connection, UUID accountId) throws SQLException {
        String sql = """
                SELECT a.currency, a.balance_minor + coalesce((SELECT sum(amount_minor) FROM ledger.balance_delta
                                                               WHERE account_id = a.id), 0), a.held_minor
                FROM ledger.account a WHERE a.id = ?""";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new LedgerException(LedgerException.ACCOUNT_NOT_FOUND, "No ledger account " + accountId);
                }
                Currency currency = Currency.getInstance(row.getString(1));
                long posted = row.getLong(2);
                long held = row.getLong(3);
                return new Balance(accountId, new Money(posted, currency), new Money(held, currency),
                        new Money(posted - held, currency));
            }
        }
    }

    static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static LedgerAccount account(ResultSet row) throws SQLException {
        return new LedgerAccount(row.getObject(1, UUID.class), row.getString(2), Currency.getInstance(row.getString(3)),
                AccountKind.valueOf(row.getString(4)),
                new FloorPolicy(FloorPolicy.Kind.valueOf(row.getString(5)), row.getLong(6)),
                AccountStatus.valueOf(row.getString(7)), row.getObject(8, OffsetDateTime.class).toInstant());
    }
}
