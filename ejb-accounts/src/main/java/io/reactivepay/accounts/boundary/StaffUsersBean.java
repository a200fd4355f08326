package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.LoginResult;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.StaffUsers;
import io.reactivepay.accounts.api.TotpEnrolment;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.accounts.control.PasswordHasher;
import io.reactivepay.accounts.control.SettingStore;
import io.reactivepay.accounts.control.Totp;
import io.reactivepay.platform.crypto.DataKeys;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Console users. A login locks the user's row, so concurrent guesses are counted one by one; after
 * {@code security.login-max-failures} failures (wrong passwords or wrong one-time codes) the user is
 * locked for {@code security.lockout-minutes} and refused even with the right password. An unknown
 * username costs as much time as a known one. Administrators need a confirmed TOTP second factor.
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

    @Inject
    DataKeys keys;

    @Inject
    MerchantStore merchants;

    private volatile String dummyHash;

    @Override
    public StaffUser create(String username, char[] password, StaffUser.Role role, UUID merchantId, String actor) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountsException(AccountsException.INVALID_USERNAME,
                    "A username has 3 to 100 of a-z, 0-9 and . _ @ -");
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw new AccountsException(AccountsException.WEAK_PASSWORD,
                    "A password needs at least " + MIN_PASSWORD + " characters");
        }
        if (role == null || (role == StaffUser.Role.MERCHANT_USER) != (merchantId != null)) {
            throw new AccountsException(AccountsException.INVALID_ROLE, "A merchant user, and only a merchant user, names a merchant");
        }
        String hash = hasher.hash(password);
        return Jdbc.with(dataSource, "Creating a user", connection -> {
            if (merchantId != null) {
                merchants.find(connection, merchantId).orElseThrow(() -> MerchantsBean.notFound(merchantId));
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts.staff_user (id, username, "
                    + "role, merchant_id, password_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                insert.setObject(1, id);
                insert.setString(2, username);
                insert.setString(3, role.name());
                insert.setObject(4, merchantId);
                insert.setString(5, hash);
                if (insert.executeUpdate() == 0) {
                    throw new AccountsException(AccountsException.USERNAME_TAKEN, "The username is taken");
                }
            }
            audit.append(connection, new AuditEvent(actor, "user.created", "staff_user", id.toString(), "accounts",
                    merchantId == null ? Map.of("username", username, "role", role.name())
                            : Map.of("username", username, "role", role.name(), "merchantId", merchantId.toString())));
            return new StaffUser(id, username, role, Optional.ofNullable(merchantId));
        });
    }

    @Override
    public LoginResult login(String username, char[] password, String totpCode, String source) {
        return Jdbc.with(dataSource, "Checking a login", connection -> {
            String sql = "SELECT id, role, password_hash, failed_attempts, locked_until, locked_until > now(), merchant_id, "
                    + "totp_secret, totp_confirmed, totp_last_step FROM accounts.staff_user WHERE username = ? FOR NO KEY UPDATE";
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
                    if (!hasher.matches(password, row.getString(3))) {
                        return fail(connection, id, username, row.getInt(4) + 1, source);
                    }
                    StaffUser user = new StaffUser(id, username, StaffUser.Role.valueOf(row.getString(2)),
                            Optional.ofNullable(row.getObject(7, UUID.class)));
                    if (user.merchantId().isPresent() && merchantSuspended(connection, user.merchantId().get())) {
                        audit.append(connection, new AuditEvent(username, "user.login_refused", "staff_user", id.toString(),
                                source, Map.of("reason", "merchant suspended")));
                        return new LoginResult.MerchantSuspended();
                    }
                    if (row.getBoolean(9)) {
                        if (totpCode == null) {
                            return new LoginResult.SecondFactorRequired();
                        }
                        long lastStep = row.getObject(10) == null ? Long.MIN_VALUE : row.getLong(10);
                        OptionalLong step = Totp.verify(keys.cipher().decrypt(row.getString(8), Totp.SECRET_CONTEXT), totpCode,
                                Instant.now(), lastStep);
                        if (step.isEmpty()) {
                            return fail(connection, id, username, row.getInt(4) + 1, source);
                        }
                        update(connection, id, "totp_last_step = ?", step.getAsLong());
                    } else if (user.role() == StaffUser.Role.ADMINISTRATOR) {
                        audit.append(connection, new AuditEvent(username, "user.login_refused", "staff_user", id.toString(),
                                source, Map.of("reason", "administrator without TOTP")));
                        return new LoginResult.SecondFactorEnrolmentRequired(user);
                    }
                    update(connection, id, "failed_attempts = 0, locked_until = NULL");
                    audit.append(connection, new AuditEvent(username, "user.logged_in", "staff_user", id.toString(), source,
                            Map.of()));
                    return new LoginResult.Success(user);
                }
            }
        });
    }

    private static boolean merchantSuspended(Connection connection, UUID merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT status FROM accounts.merchant WHERE id = ?")) {
            select.setObject(1, merchantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && Merchant.Status.SUSPENDED.name().equals(row.getString(1));
            }
        }
    }

    @Override
    public TotpEnrolment enrolTotp(UUID userId, String source) {
        String secret = Totp.newSecret();
        return Jdbc.with(dataSource, "Enrolling a second factor", connection -> {
            String username = lockForTotp(connection, userId, false).username();
            update(connection, userId, "totp_secret = ?, totp_last_step = NULL", keys.cipher().encrypt(secret, Totp.SECRET_CONTEXT));
            audit.append(connection, new AuditEvent(username, "user.totp_enrolment_started", "staff_user", userId.toString(),
                    source, Map.of()));
            return new TotpEnrolment(secret, Totp.uri("ReactivePay", username, secret));
        });
    }

    @Override
    public void confirmTotp(UUID userId, String code, String source) {
        Jdbc.with(dataSource, "Confirming a second factor", connection -> {
            TotpState state = lockForTotp(connection, userId, true);
            String stored = state.secret();
            OptionalLong step = stored == null ? OptionalLong.empty()
                    : Totp.verify(keys.cipher().decrypt(stored, Totp.SECRET_CONTEXT), code, Instant.now(), Long.MIN_VALUE);
            if (step.isEmpty()) {
                throw new AccountsException(AccountsException.INVALID_TOTP, "The code does not match the enrolment under way");
            }
            update(connection, userId, "totp_confirmed = true, totp_last_step = ?", step.getAsLong());
            audit.append(connection, new AuditEvent(state.username(), "user.totp_enrolled", "staff_user", userId.toString(), source,
                    Map.of()));
            return null;
        });
    }

    private record TotpState(String username, String secret) {
    }

    /** Locks the user for a TOTP change; refused if TOTP is already confirmed. */
    private static TotpState lockForTotp(Connection connection, UUID userId, boolean confirming) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT username, totp_confirmed, totp_secret FROM accounts.staff_user WHERE id = ? FOR NO KEY UPDATE")) {
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new AccountsException(AccountsException.USER_NOT_FOUND, "No user " + userId);
                }
                if (row.getBoolean(2)) {
                    throw confirming ? new AccountsException(AccountsException.INVALID_TOTP, "TOTP is confirmed already")
                            : new AccountsException(AccountsException.TOTP_ALREADY_ENROLLED, "TOTP is enrolled already");
                }
                return new TotpState(row.getString(1), row.getString(3));
            }
        }
    }

    private LoginResult fail(Connection connection, UUID id, String username, int failures, String source) throws SQLException {
        if (failures >= SettingStore.integer(connection, "security.login-max-failures")) {
            update(connection, id, "failed_attempts = 0, locked_until = now() + make_interval(mins => ?::int)",
                    SettingStore.integer(connection, "security.lockout-minutes"));
            audit.append(connection, new AuditEvent(username, "user.locked", "staff_user", id.toString(), source,
                    Map.of("failures", String.valueOf(failures))));
        } else {
            update(connection, id, "failed_attempts = ?", failures);
        }
        return new LoginResult.BadCredentials();
    }

    private static void update(Connection connection, UUID id, String assignments, Object... values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts.staff_user SET " + assignments + " WHERE id = ?")) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.setObject(values.length + 1, id);
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
