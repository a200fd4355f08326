package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.MerchantPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Merchants' request-signing keys; public, so stored in clear, found by merchant. */
public final class PublicKeyStore {

    private static final String COLUMNS = "id, merchant_id, fingerprint, key_bits, pem, created_at, revoked_at";

    private PublicKeyStore() {
    }

    /** Empty if the merchant already registered this key. */
    public static Optional<MerchantPublicKey> insert(Connection connection, UUID merchantId, PublicKeys.Parsed key)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts.merchant_public_key "
                + "(id, merchant_id, fingerprint, key_bits, pem) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (merchant_id, fingerprint) DO NOTHING RETURNING " + COLUMNS)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, merchantId);
            insert.setString(3, key.fingerprint());
            insert.setInt(4, key.bits());
            insert.setString(5, key.pem());
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? Optional.of(key(row)) : Optional.empty();
            }
        }
    }

    public static List<MerchantPublicKey> list(Connection connection, UUID merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM accounts.merchant_public_key WHERE merchant_id = ? ORDER BY created_at, id")) {
            select.setObject(1, merchantId);
            List<MerchantPublicKey> keys = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(key(row));
                }
            }
            return keys;
        }
    }

    /** @return the revoked key, if it was active */
    public static Optional<MerchantPublicKey> revoke(Connection connection, UUID keyId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.merchant_public_key "
                + "SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL RETURNING " + COLUMNS)) {
            update.setObject(1, keyId);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(key(row)) : Optional.empty();
            }
        }
    }

    private static MerchantPublicKey key(ResultSet row) throws SQLException {
        return new MerchantPublicKey(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getInt(4), row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject(7, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
