package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.KycLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Derives a profile's level from what is verified and stores it, so limits are checked with one read. */
public final class KycLevels {

    private KycLevels() {
    }

    public static KycLevel recompute(Connection connection, UUID profileId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.customer_profile SET kyc_level = "
                + "CASE WHEN email_verified_at IS NULL OR phone_verified_at IS NULL THEN 'UNVERIFIED' "
                + "ELSE 'BASIC' END WHERE id = ? RETURNING kyc_level")) {
            update.setObject(1, profileId);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return KycLevel.valueOf(row.getString(1));
            }
        }
    }
}
