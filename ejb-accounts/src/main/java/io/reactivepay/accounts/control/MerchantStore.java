package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.Merchant;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

@Dependent
public class MerchantStore {

    private static final String COLUMNS = "id, legal_name, status, settlement_currency, require_signature";

    public Merchant insert(Connection connection, String legalName, Currency currency) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts.merchant "
                + "(id, legal_name, status, settlement_currency) VALUES (?, ?, 'PENDING', ?) RETURNING " + COLUMNS)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, legalName);
            insert.setString(3, currency.getCurrencyCode());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return merchant(row);
            }
        }
    }

    public Optional<Merchant> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM accounts.merchant WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(merchant(row)) : Optional.empty();
            }
        }
    }

    public Optional<Merchant> changeStatus(Connection connection, UUID id, Merchant.Status status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts.merchant SET status = ? WHERE id = ? RETURNING " + COLUMNS)) {
            update.setString(1, status.name());
            update.setObject(2, id);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(merchant(row)) : Optional.empty();
            }
        }
    }

    static Merchant merchant(ResultSet row) throws SQLException {
        return new Merchant(row.getObject(1, UUID.class), row.getString(2), Merchant.Status.valueOf(row.getString(3)),
                Currency.getInstance(row.getString(4)), row.getBoolean(5));
    }
}
