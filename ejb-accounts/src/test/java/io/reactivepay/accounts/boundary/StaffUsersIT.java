package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.LoginResult;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.TotpEnrolment;
import io.reactivepay.accounts.control.Totp;
import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaffUsersIT {

    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static StaffUsersBean users;

    @BeforeAll
    static void database() throws Exception {
        users = AccountsBeans.staffUsers(TestKeys.beforeRotation());
    }

    private static String newUser() throws Exception {
        return newUser(StaffUser.Role.CLIENT_SERVICE_MANAGER).username();
    }

    private static StaffUser newUser(StaffUser.Role role) throws Exception {
        String username = "user." + UUID.randomUUID().toString().substring(0, 8);
        return inTransaction(() -> users.create(username, PASSWORD, role, null, "admin:root"));
    }

    private static LoginResult login(String username, char[] password) throws Exception {
        return login(username, password, null);
    }

    private static LoginResult login(String username, char[] password, String code) throws Exception {
        return inTransaction(() -> users.login(username, password, code, "127.0.0.1"));
    }

    private static String query(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** Enrols and confirms TOTP; returns the secret. */
    private static String enrol(StaffUser user) throws Exception {
        TotpEnrolment enrolment = inTransaction(() -> users.enrolTotp(user.id(), "127.0.0.1"));
        String code = Totp.code(Totp.decode(enrolment.secret()), Totp.step(Instant.now()));
        inTransaction(() -> {
            users.confirmTotp(user.id(), code, "127.0.0.1");
            return null;
        });
        return enrolment.secret();
    }

    /** A valid code not used yet: the step after the last one accepted. */
    private static String nextCode(StaffUser user, String secret) throws Exception {
        long last = Long.parseLong(query("SELECT totp_last_step FROM accounts.staff_user WHERE id = '" + user.id() + "'"));
        return Totp.code(Totp.decode(secret), last + 1);
    }

    @Test
    void theRightPasswordLogsInAndOnlyAPbkdf2HashIsStored() throws Exception {
        String username = newUser();
        LoginResult result = login(username, PASSWORD);
        assertEquals(username, assertInstanceOf(LoginResult.Success.class, result).user().username());
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT password_hash FROM accounts.staff_user WHERE username = '" + username + "'")) {
            row.next();
            assertTrue(row.getString(1).startsWith("pbkdf2-sha256$210000$"));
            assertFalse(row.getString(1).contains("horse"));
        }
        assertInstanceOf(LoginResult.BadCredentials.class, login(username, "wrong password!!".toCharArray()));
        assertInstanceOf(LoginResult.BadCredentials.class, login("nobody.here", PASSWORD));
    }

    @Test
    void theEleventhAttemptAfterTenFailuresIsRefusedEvenWithTheRightPasswordUntilTheLockExpires() throws Exception {
        String username = newUser();
        for (int i = 1; i <= 10; i++) {
            assertInstanceOf(LoginResult.BadCredentials.class, login(username, ("guess number " + i).toCharArray()));
        }
        LoginResult.Locked locked = assertInstanceOf(LoginResult.Locked.class, login(username, PASSWORD));
        Duration lockout = Duration.between(Instant.now(), locked.until());
        assertTrue(lockout.toMinutes() >= 29 && lockout.toMinutes() <= 30, "locked for 30 minutes: " + lockout);

        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE accounts.staff_user SET locked_until = now() - interval '1 second' "
                    + "WHERE username = '" + username + "'");
        }
        assertInstanceOf(LoginResult.Success.class, login(username, PASSWORD), "the lock has expired");
    }

    @Test
    void successResetsTheFailureCount() throws Exception {
        String username = newUser();
        for (int i = 0; i < 9; i++) {
            login(username, "nine wrong guesses".toCharArray());
        }
        assertInstanceOf(LoginResult.Success.class, login(username, PASSWORD));
        for (int i = 0; i < 9; i++) {
            login(username, "nine more wrong ones".toCharArray());
        }
        assertInstanceOf(LoginResult.Success.class, login(username, PASSWORD), "not locked: the count started again");
    }

    @Test
    void weakPasswordsBadNamesAndTakenNamesAreRefused() throws Exception {
        String username = newUser();
        assertEquals(AccountsException.WEAK_PASSWORD, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.create("short.pw", "elevenchars".toCharArray(), StaffUser.Role.ADMINISTRATOR, null, "admin:root"))).errorCode());
        assertEquals(AccountsException.INVALID_USERNAME, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.create("Bad Name", PASSWORD, StaffUser.Role.ADMINISTRATOR, null, "admin:root"))).errorCode());
        assertEquals(AccountsException.USERNAME_TAKEN, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.create(username, PASSWORD, StaffUser.Role.ADMINISTRATOR, null, "admin:root"))).errorCode());
    }

    @Test
    void anAdministratorWithoutTotpIsRefusedUntilEnrolledAndThenNeedsAFreshCode() throws Exception {
        StaffUser admin = newUser(StaffUser.Role.ADMINISTRATOR);
        assertEquals(new LoginResult.SecondFactorEnrolmentRequired(admin), login(admin.username(), PASSWORD));
        assertEquals(new LoginResult.SecondFactorEnrolmentRequired(admin), login(admin.username(), PASSWORD, "123456"));

        TotpEnrolment enrolment = inTransaction(() -> users.enrolTotp(admin.id(), "127.0.0.1"));
        assertTrue(enrolment.uri().startsWith("otpauth://totp/ReactivePay%3A" + admin.username() + "?secret="));
        String wrong = Totp.code(Totp.decode(enrolment.secret()), Totp.step(Instant.now()) + 5);
        assertEquals(AccountsException.INVALID_TOTP, assertThrows(AccountsException.class, () -> inTransaction(() -> {
            users.confirmTotp(admin.id(), wrong, "127.0.0.1");
            return null;
        })).errorCode());
        assertEquals(new LoginResult.SecondFactorEnrolmentRequired(admin), login(admin.username(), PASSWORD),
                "not enrolled before a code confirms it");
        String code = Totp.code(Totp.decode(enrolment.secret()), Totp.step(Instant.now()));
        inTransaction(() -> {
            users.confirmTotp(admin.id(), code, "127.0.0.1");
            return null;
        });
        String row = query("SELECT s::text FROM accounts.staff_user s WHERE id = '" + admin.id() + "'");
        assertFalse(row.contains(enrolment.secret()), "the secret is stored encrypted");

        assertInstanceOf(LoginResult.SecondFactorRequired.class, login(admin.username(), PASSWORD));
        assertInstanceOf(LoginResult.BadCredentials.class, login(admin.username(), PASSWORD, code), "the confirming code is used");
        String fresh = nextCode(admin, enrolment.secret());
        assertEquals(new LoginResult.Success(admin), login(admin.username(), PASSWORD, fresh));
        assertInstanceOf(LoginResult.BadCredentials.class, login(admin.username(), PASSWORD, fresh), "a replay is refused");
        assertInstanceOf(LoginResult.BadCredentials.class, login(admin.username(), "wrong password!".toCharArray(),
                nextCode(admin, enrolment.secret())), "the code does not replace the password");
        assertEquals(AccountsException.TOTP_ALREADY_ENROLLED, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.enrolTotp(admin.id(), "127.0.0.1"))).errorCode());
        assertEquals("user.created by admin:root, user.login_refused by " + admin.username() + ", user.login_refused by "
                        + admin.username() + ", user.totp_enrolment_started by " + admin.username() + ", user.login_refused by "
                        + admin.username() + ", user.totp_enrolled by " + admin.username() + ", user.logged_in by "
                        + admin.username(), AccountsBeans.auditTrail("staff_user", admin.id()));
    }

    @Test
    void wrongOneTimeCodesCountTowardsTheLockout() throws Exception {
        StaffUser manager = newUser(StaffUser.Role.RISK_MANAGER);
        String secret = enrol(manager);
        String unused = nextCode(manager, secret);
        String wrong = unused.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(LoginResult.BadCredentials.class, login(manager.username(), PASSWORD, wrong));
        }
        assertInstanceOf(LoginResult.Locked.class, login(manager.username(), PASSWORD, unused));
    }

    @Test
    void aMerchantUserOfASuspendedMerchantCannotSignInUntilItIsActiveAgain() throws Exception {
        MerchantsBean merchants = AccountsBeans.merchants(TestKeys.beforeRotation());
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        StaffUser owner = inTransaction(() -> users.create("owner." + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
                StaffUser.Role.MERCHANT_USER, merchant.id(), "admin:root"));
        inTransaction(() -> merchants.changeStatus(merchant.id(), Merchant.Status.SUSPENDED, "admin:root"));
        assertInstanceOf(LoginResult.MerchantSuspended.class, login(owner.username(), PASSWORD));
        assertInstanceOf(LoginResult.BadCredentials.class, login(owner.username(), "wrong password!".toCharArray()),
                "a wrong password says nothing about the merchant");
        inTransaction(() -> merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "admin:root"));
        assertInstanceOf(LoginResult.Success.class, login(owner.username(), PASSWORD));
    }

    @Test
    void aMerchantUserBelongsToAnExistingMerchantAndOnlyMerchantUsersDo() throws Exception {
        Merchant merchant = AccountsBeans.activeMerchant(AccountsBeans.merchants(TestKeys.beforeRotation()));
        StaffUser owner = inTransaction(() -> users.create("owner." + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
                StaffUser.Role.MERCHANT_USER, merchant.id(), "admin:root"));
        assertEquals(Optional.of(merchant.id()), assertInstanceOf(LoginResult.Success.class,
                login(owner.username(), PASSWORD)).user().merchantId());
        assertEquals(AccountsException.INVALID_ROLE, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.create("lost.owner", PASSWORD, StaffUser.Role.MERCHANT_USER, null, "admin:root"))).errorCode());
        assertEquals(AccountsException.INVALID_ROLE, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.create("csm.of.shop", PASSWORD, StaffUser.Role.CLIENT_SERVICE_MANAGER, merchant.id(), "admin:root")))
                .errorCode());
        assertEquals(AccountsException.MERCHANT_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() ->
                users.create("ghost.owner", PASSWORD, StaffUser.Role.MERCHANT_USER, UUID.randomUUID(), "admin:root")))
                .errorCode());
        assertEquals(null, query("SELECT id FROM accounts.staff_user WHERE username IN ('lost.owner', 'csm.of.shop', 'ghost.owner')"));
    }
}
