package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.ApiKeyView;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.NewApiKey;
import jakarta.enterprise.context.Dependent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys read {@code rp_<prefix>_<secret>}: the prefix (8 hex digits) finds the row, the SHA-256 of
 * the whole key is compared in constant time. A key carries 256 random bits, so a plain hash is as
 * strong as a slow one; the database never holds anything that authenticates.
 */
@Dependent
public class ApiKeyStore {

    private static final Pattern FORMAT = Pattern.compile("rp_([0-9a-f]{8})_[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();

    public NewApiKey create(Connection connection, UUID merchantId, String label) throws SQLException {
        byte[] prefixBytes = new byte[4];
        byte[] secretBytes = new byte[32];
        random.nextBytes(prefixBytes);
        random.nextBytes(secretBytes);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String key = "rp_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO accounts.api_key (id, merchant_id, prefix, key_hash, label) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, merchantId);
            insert.setString(3, prefix);
            insert.setBytes(4, sha256(key));
            insert.setString(5, label);
            insert.executeUpdate();
        }
        return new NewApiKey(id, key);
    }

    public List<ApiKeyView> list(Connection connection, UUID merchantId) throws SQLException {
        List<ApiKeyView> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, prefix, label, created_at, revoked_at "
                + "FROM accounts.api_key WHERE merchant_id = ? ORDER BY created_at, id")) {
            select.setObject(1, merchantId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(new ApiKeyView(row.getObject(1, UUID.class), "rp_" + row.getString(2) + "_…",
                            row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(row.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
                }
            }
        }
        return keys;
    }

    /** A revoked key: the merchant it belonged to and its label. */
    public record Revoked(UUID merchantId, String label) {
    }

    /** @return what the key was, if it was an active key */
    public Optional<Revoked> revoke(Connection connection, UUID keyId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.api_key SET revoked_at = now() "
                + "WHERE id = ? AND revoked_at IS NULL RETURNING merchant_id, label")) {
            update.setObject(1, keyId);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(new Revoked(row.getObject(1, UUID.class), row.getString(2))) : Optional.empty();
            }
        }
    }

    /** A key's successor: the merchant it belongs to and the new key, shown once. */
    public record Rotated(UUID merchantId, NewApiKey key) {
    }

    /** Revokes an active key and creates its successor under the same label; empty if the key is not active. */
    public Optional<Rotated> rotate(Connection connection, UUID keyId) throws SQLException {
        Optional<Revoked> revoked = revoke(connection, keyId);
        if (revoked.isEmpty()) {
            return Optional.empty();
        }
        UUID merchantId = revoked.get().merchantId();
        return Optional.of(new Rotated(merchantId, create(connection, merchantId, revoked.get().label())));
    }

    public Optional<Merchant> authenticate(Connection connection, String presented) throws SQLException {
        Matcher format = FORMAT.matcher(presented == null ? "" : presented);
        if (!format.matches()) {
            return Optional.empty();
        }
        String sql = "SELECT k.key_hash, m.id, m.legal_name, m.status, m.settlement_currency, m.require_signature "
                + "FROM accounts.api_key k JOIN accounts.merchant m ON m.id = k.merchant_id "
                + "WHERE k.prefix = ? AND k.revoked_at IS NULL AND m.status = 'ACTIVE'";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, format.group(1));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !MessageDigest.isEqual(row.getBytes(1), sha256(presented))) {
                    return Optional.empty();
                }
                return Optional.of(new Merchant(row.getObject(2, UUID.class), row.getString(3),
                        Merchant.Status.valueOf(row.getString(4)), java.util.Currency.getInstance(row.getString(5)),
                        row.getBoolean(6)));
            }
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
