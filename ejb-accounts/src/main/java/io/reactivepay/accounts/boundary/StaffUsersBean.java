package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.LoginResult;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.StaffUsers;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.PasswordHasher;
import io.reactivepay.accounts.control.SettingStore;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Console users. A login locks the user's row, so concurrent guesses are counted one by one; after
 * {@code security.login-max-failures} failures the user is locked for {@code security.lockout-minutes}
 * and refused even with the right password. An unknown username costs as much time as a known one.
 */
@Stateless
public class StaffUsersBean implements StaffUsers {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,100}");
    private static final int MIN_PASSWORD = 12;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditChain audit;

    private volatile String dummyHash;

    @Override
    public StaffUser create(String username, char[] password, StaffUser.Role role, String actor) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountsException(AccountsException.INVALID_USERNAME,
                    "A username has 3 to 100 of a-z, 0-9 and . _ @ -");
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw new AccountsException(AccountsException.WEAK_PASSWORD,
                    "A password needs at least " + MIN_PASSWORD + " characters");
        }
        String hash = hasher.hash(password);
        return Jdbc.with(dataSource, "Creating a user", connection -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts.staff_user "
                    + "(id, username, role, password_hash) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                insert.setObject(1, id);
                insert.setString(2, username);
                insert.setString(3, role.name());
                insert.setString(4, hash);
                if (insert.executeUpdate() == 0) {
                    throw new AccountsException(AccountsException.USERNAME_TAKEN, "The username is taken");
                }
            }
            audit.append(connection, new AuditEvent(actor, "user.created", "staff_user", id.toString(), "accounts",
                    Map.of("username", username, "role", role.name())));
            return new StaffUser(id, username, role);
        });
    }

    @Override
    public LoginResult login(String username, char[] password, String source) {
        return Jdbc.with(dataSource, "Checking a login", connection -> {
            String sql = "SELECT id, role, password_hash, failed_attempts, locked_until, locked_until > now() "
                    + "FROM accounts.staff_user WHERE username = ? FOR NO KEY UPDATE";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        hasher.matches(password, dummyHash());
                        return new LoginResult.BadCredentials();
                    }
                    UUID id = row.getObject(1, UUID.class);
                    if (row.getBoolean(6)) {
                        return new LoginResult.Locked(row.getObject(5, OffsetDateTime.class).toInstant());
                    }
                    if (hasher.matches(password, row.getString(3))) {
                        update(connection, id, 0, null);
                        audit.append(connection, new AuditEvent(username, "user.logged_in", "staff_user",
                                id.toString(), source, Map.of()));
                        return new LoginResult.Success(new StaffUser(id, username, StaffUser.Role.valueOf(row.getString(2))));
                    }
                    int failures = row.getInt(4) + 1;
                    if (failures >= SettingStore.integer(connection, "security.login-max-failures")) {
                        update(connection, id, 0, (int) SettingStore.integer(connection, "security.lockout-minutes"));
                        audit.append(connection, new AuditEvent(username, "user.locked", "staff_user", id.toString(),
                                source, Map.of("failures", String.valueOf(failures))));
                    } else {
                        update(connection, id, failures, null);
                    }
                    return new LoginResult.BadCredentials();
                }
            }
        });
    }

    private static void update(Connection connection, UUID id, int failures, Integer lockMinutes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE accounts.staff_user SET failed_attempts = ?, "
                + "locked_until = CASE WHEN ?::int IS NULL THEN NULL ELSE now() + make_interval(mins => ?::int) END "
                + "WHERE id = ?")) {
            update.setInt(1, failures);
            update.setObject(2, lockMinutes);
            update.setObject(3, lockMinutes);
            update.setObject(4, id);
            update.executeUpdate();
        }
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash("not-a-real-password".toCharArray());
        }
        return dummyHash;
    }
}
