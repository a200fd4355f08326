package io.reactivepay.accounts.api;

import java.util.Optional;
import java.util.UUID;

/**
 * A user of the consoles and the role that decides what they see; a merchant user belongs to one
 * merchant and sees only its data.
 */
public record StaffUser(UUID id, String username, Role role, Optional<UUID> merchantId) {

    public enum Role { MERCHANT_USER, CLIENT_SERVICE_MANAGER, RISK_MANAGER, ADMINISTRATOR }
}
