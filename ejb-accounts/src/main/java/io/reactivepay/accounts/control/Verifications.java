package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.ContactChannel;
import io.reactivepay.accounts.api.VerificationResult;
import io.reactivepay.platform.crypto.DataKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Six-digit codes proving a phone or an e-mail. Only a keyed hash is stored (a plain hash of a
 * six-digit code is reversed in a second), bound to the profile and channel; a code expires after
 * {@code verification.code-minutes} and is void after {@code verification.max-attempts} wrong entries.
 */
@Dependent
public class Verifications {

    private final DataKeys keys;

    @Inject
    public Verifications(DataKeys keys) {
        this.keys = keys;
    }

    private final SecureRandom random = new SecureRandom();

    /** @return the new code and when it expires */
    public Issued issue(Connection connection, UUID profileId, ContactChannel channel) throws SQLException {
        String code = String.format("%06d", random.nextInt(1_000_000));
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO accounts.verification_code "
                + "(profile_id, channel, code_hash, expires_at) VALUES (?, ?, ?, now() + make_interval(mins => ?::int)) "
                + "ON CONFLICT (profile_id, channel) DO UPDATE SET code_hash = EXCLUDED.code_hash, "
                + "expires_at = EXCLUDED.expires_at, attempts = 0 RETURNING expires_at")) {
            upsert.setObject(1, profileId);
            upsert.setString(2, channel.name());
            upsert.setString(3, hash(profileId, channel, code));
            upsert.setLong(4, SettingStore.integer(connection, "verification.code-minutes"));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return new Issued(code, row.getObject(1, OffsetDateTime.class).toInstant());
            }
        }
    }

    public record Issued(String code, Instant expiresAt) {
    }

    /** Checks and consumes the code; a right one marks the contact verified and raises the level, a wrong one is counted. */
    public VerificationResult check(Connection connection, UUID profileId, ContactChannel channel, String code)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT code_hash, attempts FROM "
                + "accounts.verification_code WHERE profile_id = ? AND channel = ? AND expires_at > now() FOR UPDATE")) {
            select.setObject(1, profileId);
            select.setString(2, channel.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new VerificationResult.NoValidCode();
                }
                boolean matches = code != null && MessageDigest.isEqual(row.getString(1).getBytes(StandardCharsets.US_ASCII),
                        hash(profileId, channel, code).getBytes(StandardCharsets.US_ASCII));
                int attempts = row.getInt(2) + 1;
                long max = SettingStore.integer(connection, "verification.max-attempts");
                if (matches || attempts >= max) {
                    delete(connection, profileId, channel);
                } else {
                    countFailure(connection, profileId, channel);
                }
                if (!matches) {
                    return new VerificationResult.WrongCode((int) (max - attempts));
                }
            }
        }
        String column = channel == ContactChannel.EMAIL ? "email_verified_at" : "phone_verified_at";
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts.customer_profile SET " + column + " = now() WHERE id = ?")) {
            update.setObject(1, profileId);
            update.executeUpdate();
        }
        return new VerificationResult.Verified(KycLevels.recompute(connection, profileId));
    }

    private String hash(UUID profileId, ContactChannel channel, String code) {
        return keys.blindIndex().of(code, "accounts.verification_code." + profileId + "." + channel);
    }

    private static void delete(Connection connection, UUID profileId, ContactChannel channel) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM accounts.verification_code WHERE profile_id = ? AND channel = ?")) {
            delete.setObject(1, profileId);
            delete.setString(2, channel.name());
            delete.executeUpdate();
        }
    }

    private static void countFailure(Connection connection, UUID profileId, ContactChannel channel) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.verification_code "
                + "SET attempts = attempts + 1 WHERE profile_id = ? AND channel = ?")) {
            update.setObject(1, profileId);
            update.setString(2, channel.name());
            update.executeUpdate();
        }
    }
}
