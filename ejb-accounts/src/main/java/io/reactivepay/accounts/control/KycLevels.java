package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.KycLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Derives a profile's level from what is verified and approved and stores it, so limits are checked
 * with one read: BASIC needs phone and e-mail verified, FULL additionally an approved identity
 * document and an approved proof of address.
 */
public final class KycLevels {

    private KycLevels() {
    }

    public static KycLevel recompute(Connection connection, UUID profileId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.customer_profile SET kyc_level = "
                + "CASE WHEN email_verified_at IS NULL OR phone_verified_at IS NULL THEN 'UNVERIFIED' "
                + "WHEN " + approved("IDENTITY") + " AND " + approved("PROOF_OF_ADDRESS") + " THEN 'FULL' "
                + "ELSE 'BASIC' END WHERE id = ? RETURNING kyc_level")) {
            update.setObject(1, profileId);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return KycLevel.valueOf(row.getString(1));
            }
        }
    }

    /** The level, with the profile locked so that one customer's operations are checked one at a time. */
    public static Optional<KycLevel> lock(Connection connection, UUID profileId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kyc_level FROM accounts.customer_profile WHERE id = ? FOR NO KEY UPDATE")) {
            select.setObject(1, profileId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(KycLevel.valueOf(row.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The levels of the profiles found among {@code profileIds}, each locked as {@link #lock} does, in
     * id order, so that two transactions locking overlapping sets wait for each other instead of deadlocking.
     */
    public static Map<UUID, KycLevel> lockAll(Connection connection, Collection<UUID> profileIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, kyc_level FROM accounts.customer_profile "
                + "WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE")) {
            select.setArray(1, connection.createArrayOf("uuid", profileIds.stream().distinct().toArray()));
            Map<UUID, KycLevel> levels = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    levels.put(row.getObject(1, UUID.class), KycLevel.valueOf(row.getString(2)));
                }
            }
            return levels;
        }
    }

    private static String approved(String kind) {
        return "EXISTS (SELECT 1 FROM accounts.kyc_document d WHERE d.profile_id = customer_profile.id "
                + "AND d.kind = '" + kind + "' AND d.status = 'APPROVED')";
    }
}
