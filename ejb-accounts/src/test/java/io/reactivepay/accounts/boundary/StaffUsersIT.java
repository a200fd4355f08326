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
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.PasswordHasher;
import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaffUsersIT {

    private static final StaffUsersBean USERS = new StaffUsersBean();
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.start("accounts");
        USERS.dataSource = TestDatabase.DATA_SOURCE;
        USERS.hasher = new PasswordHasher();
        USERS.audit = new AuditChain();
    }

    private static String newUser() throws Exception {
        String username = "csm." + UUID.randomUUID().toString().substring(0, 8);
        inTransaction(() -> USERS.create(username, PASSWORD, StaffUser.Role.CLIENT_SERVICE_MANAGER, "admin:root"));
        return username;
    }

    private static LoginResult login(String username, char[] password) throws Exception {
        return inTransaction(() -> USERS.login(username, password, "127.0.0.1"));
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
                USERS.create("short.pw", "elevenchars".toCharArray(), StaffUser.Role.ADMINISTRATOR, "admin:root"))).errorCode());
        assertEquals(AccountsException.INVALID_USERNAME, assertThrows(AccountsException.class, () -> inTransaction(() ->
                USERS.create("Bad Name", PASSWORD, StaffUser.Role.ADMINISTRATOR, "admin:root"))).errorCode());
        assertEquals(AccountsException.USERNAME_TAKEN, assertThrows(AccountsException.class, () -> inTransaction(() ->
                USERS.create(username, PASSWORD, StaffUser.Role.ADMINISTRATOR, "admin:root"))).errorCode());
    }
}
