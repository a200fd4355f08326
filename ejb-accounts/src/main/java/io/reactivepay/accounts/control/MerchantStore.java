package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.LegalData;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantDetails;
import io.reactivepay.accounts.api.Webhook;
import io.reactivepay.platform.crypto.DataKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merchants in {@code accounts.merchant}. The IBAN and the webhook secrets are encrypted; both
 * secret columns share one context, since a rotation moves the current secret into the previous one.
 */
@Dependent
public class MerchantStore {

    public static final String IBAN = "accounts.merchant.iban";
    public static final String WEBHOOK_SECRET = "accounts.merchant.webhook_secret";
    private static final String COLUMNS = "id, legal_name, status, settlement_currency, require_signature";

    private final DataKeys keys;

    @Inject
    public MerchantStore(DataKeys keys) {
        this.keys = keys;
    }

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
        return update(connection, id, "status = ?", status.name());
    }

    public Optional<Merchant> updateLegalData(Connection connection, UUID id, LegalData data) throws SQLException {
        return update(connection, id, "legal_name = ?, registration_number = ?, legal_address = ?, country = ?",
                data.legalName(), data.registrationNumber(), data.legalAddress(), data.country());
    }

    public Optional<Merchant> updateSettlement(Connection connection, UUID id, Currency currency, BankAccount account)
            throws SQLException {
        return update(connection, id, "settlement_currency = ?, account_holder = ?, iban = ?, iban_last4 = ?, bic = ?",
                currency.getCurrencyCode(), account.holder(), keys.cipher().encrypt(account.iban(), IBAN),
                account.iban().substring(account.iban().length() - 4), account.bic());
    }

    /**
     * Sets the columns ({@code "a = ?, b = ?"}) of one merchant.
     *
     * @return the merchant after the change; empty if there is none with this id
     */
    public Optional<Merchant> update(Connection connection, UUID id, String assignments, Object... values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts.merchant SET " + assignments + " WHERE id = ? RETURNING " + COLUMNS)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.setObject(values.length + 1, id);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(merchant(row)) : Optional.empty();
            }
        }
    }

    public Optional<MerchantDetails> details(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", registration_number, "
                + "legal_address, country, account_holder, iban_last4, bic, webhook_url, allowed_ips::text[] "
                + "FROM accounts.merchant WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MerchantDetails(merchant(row), Optional.ofNullable(row.getString(6)),
                        Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)),
                        Optional.ofNullable(row.getString(9)), Optional.ofNullable(row.getString(10)).map(last4 -> "•••• " + last4),
                        Optional.ofNullable(row.getString(11)), Optional.ofNullable(row.getString(12)),
                        List.of((String[]) row.getArray(13).getArray())));
            }
        }
    }

    public Optional<BankAccount> bankAccount(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT account_holder, iban, bic FROM accounts.merchant WHERE id = ? AND iban IS NOT NULL")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new BankAccount(row.getString(1),
                        keys.cipher().decrypt(row.getString(2), IBAN), row.getString(3))) : Optional.empty();
            }
        }
    }

    /** The webhook URL and its secrets (current, then previous), decrypted. */
    public Optional<Webhook> webhook(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT webhook_url, webhook_secret, "
                + "webhook_previous_secret FROM accounts.merchant WHERE id = ? AND webhook_url IS NOT NULL")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<String> secrets = new ArrayList<>();
                for (int column = 2; column <= 3; column++) {
                    if (row.getString(column) != null) {
                        secrets.add(keys.cipher().decrypt(row.getString(column), WEBHOOK_SECRET));
                    }
                }
                return Optional.of(new Webhook(row.getString(1), List.copyOf(secrets)));
            }
        }
    }

    public String encryptWebhookSecret(String secret) {
        return keys.cipher().encrypt(secret, WEBHOOK_SECRET);
    }

    public boolean isAllowedSource(Connection connection, UUID id, String address) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT cardinality(allowed_ips) = 0 "
                + "OR ?::inet <<= ANY (allowed_ips) FROM accounts.merchant WHERE id = ?")) {
            select.setString(1, address);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    static Merchant merchant(ResultSet row) throws SQLException {
        return new Merchant(row.getObject(1, UUID.class), row.getString(2), Merchant.Status.valueOf(row.getString(3)),
                Currency.getInstance(row.getString(4)), row.getBoolean(5));
    }
}
