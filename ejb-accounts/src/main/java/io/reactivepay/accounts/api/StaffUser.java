package io.reactivepay.accounts.api;

import java.util.UUID;

/** A user of the consoles and the role that decides what they see. */
public record StaffUser(UUID id, String username, Role role) {

    public enum Role { MERCHANT, CLIENT_SERVICE_MANAGER, RISK_MANAGER, ADMINISTRATOR }
}
