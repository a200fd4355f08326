package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.OperationKind;
import io.reactivepay.accounts.api.Setting;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.money.Money;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SettingsIT {

    private static SettingsBean settings;
    private static LimitsBean limits;
    private static ProfilesBean profiles;

    /** Rolls a test's changes back after its assertions, so other tests see the seeded settings. */
    private static final class Rollback extends Exception {
    }

    @BeforeAll
    static void database() throws Exception {
        settings = AccountsBeans.settings();
        limits = AccountsBeans.limits();
        profiles = AccountsBeans.profiles(TestKeys.beforeRotation());
    }

    private static String inCurrentTransaction(String sql) throws Exception {
        try (Statement statement = TestDatabase.DATA_SOURCE.getConnection().createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    @Test
    void settingsAreReadTypedWithDefaults() throws Exception {
        assertEquals(30, inTransaction(() -> settings.integer("security.lockout-minutes", 0)));
        assertEquals(7, inTransaction(() -> settings.integer("no.such-setting", 7)));
        assertEquals(7, inTransaction(() -> settings.integer("kyc.basic.single-payment", 7)), "another type: the default");
        assertEquals(Money.of(100_000, "EUR"), inTransaction(() -> settings.money("kyc.basic.single-payment", null)));
        assertTrue(inTransaction(() -> settings.flag("no.such-flag", true)));
        assertEquals("x", inTransaction(() -> settings.text("no.such-text", "x")));
        assertTrue(inTransaction(settings::all).stream().map(Setting::key).toList().contains("kyc.full.balance-cap"));
    }

    @Test
    void aChangeIsValidatedStoredAuditedWithOldAndNewValueAndTakesEffect() throws Exception {
        UUID customer = inTransaction(() -> profiles.payer(AccountsBeans.newEmail("settings"), null, null)).id();
        assertThrows(Rollback.class, () -> inTransaction(() -> {
            assertEquals("45", settings.update("security.lockout-minutes", " 45 ", "admin:root").value());
            assertEquals(45, settings.integer("security.lockout-minutes", 0));
            assertEquals("{\"new\": \"45\", \"old\": \"30\"}", inCurrentTransaction("SELECT details::text FROM "
                    + "accounts.audit_log WHERE action = 'setting.changed' AND actor = 'admin:root' ORDER BY id DESC LIMIT 1"));

            assertEquals("200.00 EUR", settings.update("kyc.unverified.single-payment", "200 EUR", "admin:root").value());
            limits.authorise(customer, Money.of(18_000, "EUR"), OperationKind.PAYMENT);
            throw new Rollback();
        }));
        assertEquals(30, inTransaction(() -> settings.integer("security.lockout-minutes", 0)));
    }

    @Test
    void badValuesAreRefusedWithTheirCodeAndChangeNothing() throws Exception {
        record Attempt(String key, String value) {
        }
        long auditRows = count();
        for (Attempt bad : List.of(new Attempt("security.lockout-minutes", "abc"),
                new Attempt("security.lockout-minutes", "0"), new Attempt("security.login-max-failures", "1000"),
                new Attempt("kyc.basic.single-payment", "150.00 USD"), new Attempt("kyc.basic.single-payment", "12.345 EUR"),
                new Attempt("kyc.basic.single-payment", "-1.00 EUR"), new Attempt("kyc.basic.single-payment", "lots"),
                new Attempt("security.lockout-minutes", null))) {
            AccountsException refused = assertThrows(AccountsException.class, () -> inTransaction(() ->
                    settings.update(bad.key(), bad.value(), "admin:root")), bad.toString());
            assertEquals(AccountsException.INVALID_SETTING, refused.errorCode(), bad.toString());
        }
        assertEquals(AccountsException.SETTING_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() ->
                settings.update("no.such-setting", "1", "admin:root"))).errorCode());
        assertEquals(30, inTransaction(() -> settings.integer("security.lockout-minutes", 0)));
        assertEquals(Money.of(100_000, "EUR"), inTransaction(() -> settings.money("kyc.basic.single-payment", null)));
        assertEquals(auditRows, count());
    }

    private static long count() throws Exception {
        return inTransaction(() -> Long.parseLong(inCurrentTransaction(
                "SELECT count(*) FROM accounts.audit_log WHERE action = 'setting.changed'")));
    }
}
