package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.StaffUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/** Checks that the staff user acting has a role that may do what is asked. */
public final class StaffRoles {

    private StaffRoles() {
    }

    /** @return the user's name, for the audit log */
    public static String require(Connection connection, UUID staffId, StaffUser.Role... allowed) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT username, role FROM accounts.staff_user WHERE id = ?")) {
            select.setObject(1, staffId);
            try (ResultSet row = select.executeQuery()) {
                String role = row.next() ? row.getString(2) : null;
                if (Arrays.stream(allowed).noneMatch(allowedRole -> allowedRole.name().equals(role))) {
                    throw new AccountsException(AccountsException.FORBIDDEN, "Only " + Arrays.toString(allowed) + " may do this");
                }
                return row.getString(1);
            }
        }
    }
}
