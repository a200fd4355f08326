package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.platform.crypto.DataKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer profiles in {@code accounts.customer_profile}: every personal value is encrypted with the
 * table and column as its context; e-mail and phone are found through their blind index.
 */
@Dependent
public class ProfileStore {

    /** Personal values, validated and normalised; nulls are absent. */
    public record Values(String email, String phone, String name, LocalDate birthDate, String address, String country) {
    }

    public static final String TABLE = "accounts.customer_profile";
    private static final String COLUMNS = "id, origin, email, phone, name, birth_date, address, country, "
            + "email_verified_at IS NOT NULL, phone_verified_at IS NOT NULL, kyc_level";

    private final DataKeys keys;

    @Inject
    public ProfileStore(DataKeys keys) {
        this.keys = keys;
    }

    public Optional<CustomerProfile> find(Connection connection, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE id = ?" + (lock ? " FOR NO KEY UPDATE" : ""))) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(profile(row)) : Optional.empty();
            }
        }
    }

    /** The profile with this (normalised) e-mail or phone, locked for update if asked. */
    public Optional<CustomerProfile> findBy(Connection connection, String column, String normalised, boolean lock)
            throws SQLException {
        if (normalised == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE "
                + indexColumn(column) + " = ?" + (lock ? " FOR NO KEY UPDATE" : ""))) {
            select.setString(1, index(column, normalised));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(profile(row)) : Optional.empty();
            }
        }
    }

    /** Inserts unless the e-mail or phone is taken meanwhile; empty then. */
    public Optional<UUID> insert(Connection connection, CustomerProfile.Origin origin, Values values) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (id, origin, email, "
                + "email_index, phone, phone_index, name, birth_date, address, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            insert.setObject(1, id);
            insert.setString(2, origin.name());
            bind(insert, 3, values);
            return insert.executeUpdate() == 1 ? Optional.of(id) : Optional.empty();
        }
    }

    /** Makes a pale profile a wallet's, adding what the sign-up gave; a changed e-mail or phone is no longer verified. */
    public void becomeWallet(Connection connection, UUID id, Values values) throws SQLException {
        String emailIndex = values.email() == null ? null : index("email", values.email());
        String phoneIndex = values.phone() == null ? null : index("phone", values.phone());
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET origin = 'WALLET', "
                + "email_verified_at = CASE WHEN email_index IS DISTINCT FROM COALESCE(?, email_index) THEN NULL "
                + "ELSE email_verified_at END, "
                + "phone_verified_at = CASE WHEN phone_index IS DISTINCT FROM COALESCE(?, phone_index) THEN NULL "
                + "ELSE phone_verified_at END, "
                + "email = COALESCE(?, email), email_index = COALESCE(?, email_index), phone = COALESCE(?, phone), "
                + "phone_index = COALESCE(?, phone_index), name = COALESCE(?, name), birth_date = COALESCE(?, birth_date), "
                + "address = COALESCE(?, address), country = COALESCE(?, country) WHERE id = ?")) {
            update.setString(1, emailIndex);
            update.setString(2, phoneIndex);
            bind(update, 3, values);
            update.setObject(11, id);
            update.executeUpdate();
        }
    }

    private void bind(PreparedStatement statement, int first, Values values) throws SQLException {
        statement.setString(first, encrypt("email", values.email()));
        statement.setString(first + 1, values.email() == null ? null : index("email", values.email()));
        statement.setString(first + 2, encrypt("phone", values.phone()));
        statement.setString(first + 3, values.phone() == null ? null : index("phone", values.phone()));
        statement.setString(first + 4, encrypt("name", values.name()));
        statement.setString(first + 5, encrypt("birth_date", values.birthDate() == null ? null : values.birthDate().toString()));
        statement.setString(first + 6, encrypt("address", values.address()));
        statement.setString(first + 7, values.country());
    }

    private String encrypt(String column, String value) {
        return value == null ? null : keys.cipher().encrypt(value, TABLE + "." + column);
    }

    private Optional<String> decrypt(String column, String stored) {
        return Optional.ofNullable(stored).map(value -> keys.cipher().decrypt(value, TABLE + "." + column));
    }

    private String index(String column, String normalised) {
        return keys.blindIndex().of(normalised, TABLE + "." + column);
    }

    private static String indexColumn(String column) {
        return switch (column) {
            case "email" -> "email_index";
            case "phone" -> "phone_index";
            default -> throw new IllegalArgumentException("No blind index on " + column);
        };
    }

    private CustomerProfile profile(ResultSet row) throws SQLException {
        return new CustomerProfile(row.getObject(1, UUID.class), CustomerProfile.Origin.valueOf(row.getString(2)),
                decrypt("email", row.getString(3)), decrypt("phone", row.getString(4)), decrypt("name", row.getString(5)),
                decrypt("birth_date", row.getString(6)).map(LocalDate::parse), decrypt("address", row.getString(7)),
                Optional.ofNullable(row.getString(8)), row.getBoolean(9), row.getBoolean(10),
                KycLevel.valueOf(row.getString(11)));
    }
}
