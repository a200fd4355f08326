package io.reactivepay.accounts.boundary;

import static io.reactivepay.accounts.boundary.AccountsBeans.newEmail;
import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.LimitExceededException;
import io.reactivepay.accounts.api.LimitedOperation;
import io.reactivepay.accounts.api.OperationKind;
import io.reactivepay.accounts.control.Turnover;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LimitsIT {

    private static ProfilesBean profiles;
    private static LimitsBean limits;

    /** Thrown to roll a test transaction back after its assertions. */
    private static final class Rollback extends Exception {
    }

    @BeforeAll
    static void database() throws Exception {
        profiles = AccountsBeans.profiles(TestKeys.beforeRotation());
        limits = AccountsBeans.limits();
    }

    private static UUID paleCustomer() throws Exception {
        return inTransaction(() -> profiles.payer(newEmail("payer"), null, null)).id();
    }

    private static void authorise(UUID profile, String amount) throws Exception {
        inTransaction(() -> {
            limits.authorise(profile, Money.parse(amount, java.util.Currency.getInstance("EUR")), OperationKind.PAYMENT);
            return null;
        });
    }

    private static LimitExceededException refused(UUID profile, String amount) {
        LimitExceededException refused = assertThrows(LimitExceededException.class, () -> authorise(profile, amount));
        assertEquals(AccountsException.LIMIT_EXCEEDED, refused.errorCode());
        assertEquals("accounts.limit_exceeded", refused.errorCode().code());
        return refused;
    }

    private static long turnover(UUID profile) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT COALESCE(sum(amount_minor), 0) FROM accounts.customer_turnover "
                     + "WHERE profile_id = '" + profile + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void anOperationOverTheSingleLimitIsRefusedNamingTheLevelNeededAndRecordsNothing() throws Exception {
        UUID customer = paleCustomer();
        LimitExceededException refused = refused(customer, "150.01");
        assertEquals(KycLevel.UNVERIFIED, refused.currentLevel());
        assertEquals(Optional.of(KycLevel.BASIC), refused.requiredLevel());
        assertTrue(refused.getMessage().contains("single payment") && refused.getMessage().contains("level BASIC is needed"),
                refused.getMessage());
        assertEquals(0, turnover(customer));

        authorise(customer, "150.00");
        assertEquals(15_000, turnover(customer), "recorded with the operation");

        LimitExceededException noLevel = refused(customer, "20000.00");
        assertEquals(Optional.empty(), noLevel.requiredLevel());
        assertTrue(noLevel.getMessage().contains("no level allows"), noLevel.getMessage());
    }

    @Test
    void crossingTheDailyTurnoverThresholdRequiresBasicAndVerifyingLiftsIt() throws Exception {
        CustomerProfile customer = AccountsBeans.basicCustomer(profiles);
        UUID unverified = paleCustomer();
        authorise(unverified, "100.00");
        authorise(unverified, "100.00");
        LimitExceededException daily = refused(unverified, "60.00");
        assertTrue(daily.getMessage().contains("daily turnover limit of level UNVERIFIED"), daily.getMessage());
        assertEquals(Optional.of(KycLevel.BASIC), daily.requiredLevel());
        authorise(unverified, "50.00");
        assertEquals(25_000, turnover(unverified), "exactly at the limit is allowed");

        assertEquals(KycLevel.BASIC, customer.level());
        authorise(customer.id(), "250.00");
        authorise(customer.id(), "900.00");
        assertEquals(115_000, turnover(customer.id()), "BASIC allows more");
        LimitExceededException basicSingle = refused(customer.id(), "1000.01");
        assertEquals(Optional.of(KycLevel.FULL), basicSingle.requiredLevel());
    }

    private static LimitedOperation payment(UUID profile, String amount) {
        return new LimitedOperation(profile, Money.parse(amount, java.util.Currency.getInstance("EUR")), OperationKind.PAYMENT);
    }

    private static String code(Optional<AccountsException> outcome) {
        return outcome.map(e -> e.errorCode().code()).orElse("allowed");
    }

    @Test
    void aBatchIsCheckedInOrderAsIfOneByOneAndRecordsOnlyWhatItAllows() throws Exception {
        UUID first = paleCustomer();
        UUID second = paleCustomer();
        List<Optional<AccountsException>> outcomes = inTransaction(() -> limits.authoriseAll(List.of(
                payment(first, "100.00"), payment(second, "150.01"), payment(first, "100.00"), payment(first, "60.00"),
                payment(second, "150.00"), payment(first, "50.00"), payment(UUID.randomUUID(), "1.00"),
                new LimitedOperation(first, Money.of(0, "EUR"), OperationKind.PAYMENT))));
        assertEquals(List.of("allowed", "accounts.limit_exceeded", "allowed", "accounts.limit_exceeded", "allowed", "allowed",
                "accounts.profile_not_found", "accounts.invalid_amount"), outcomes.stream().map(LimitsIT::code).toList());
        LimitExceededException daily = (LimitExceededException) outcomes.get(3).orElseThrow();
        assertTrue(daily.getMessage().contains("daily turnover limit of level UNVERIFIED"), daily.getMessage());
        assertEquals(Optional.of(KycLevel.BASIC), daily.requiredLevel());
        assertEquals(25_000, turnover(first), "the earlier operations of the batch count, the refused one does not");
        assertEquals(15_000, turnover(second));
        refused(first, "0.01");
    }

    @Test
    void concurrentBatchesOverTheSameCustomersNeitherDeadlockNorLoseTurnover() throws Exception {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add(paleCustomer());
        }
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<UUID> order = new ArrayList<>(customers);
                        Collections.shuffle(order);
                        List<Optional<AccountsException>> outcomes = inTransaction(() -> limits.authoriseAll(
                                order.stream().map(c -> payment(c, "0.01")).toList()));
                        assertTrue(outcomes.stream().allMatch(Optional::isEmpty), outcomes.toString());
                    }
                    return null;
                }));
            }
            for (Future<Object> thread : done) {
                thread.get(); // a deadlock would surface here as the database's refusal
            }
        } finally {
            pool.shutdownNow();
        }
        for (UUID customer : customers) {
            assertEquals(4 * rounds, turnover(customer), "every batch's cent, exactly once");
        }
    }

    @Test
    void theMonthlyTurnoverCountsEarlierDaysOfTheMonth() throws Exception {
        UUID customer = paleCustomer();
        assertThrows(Rollback.class, () -> inTransaction(() -> {
            try (Statement sql = TestDatabase.DATA_SOURCE.getConnection().createStatement()) {
                // rolled back with the test: other tests see the seeded daily limit
                sql.executeUpdate("UPDATE accounts.system_setting SET value = '10000.00 EUR' "
                        + "WHERE key = 'kyc.unverified.daily-turnover'");
                sql.executeUpdate("INSERT INTO accounts.customer_turnover VALUES ('" + customer + "', 'EUR', "
                        + "date_trunc('month', now() AT TIME ZONE 'UTC')::date, 'TRANSFER', 40000, 3)");
            }
            limits.authorise(customer, Money.of(10_000, "EUR"), OperationKind.TOP_UP);
            LimitExceededException monthly = assertThrows(LimitExceededException.class,
                    () -> limits.authorise(customer, Money.of(1, "EUR"), OperationKind.PAYMENT));
            assertTrue(monthly.getMessage().contains("monthly turnover"), monthly.getMessage());
            assertEquals(Optional.of(KycLevel.BASIC), monthly.requiredLevel());
            throw new Rollback();
        }));
    }

    @Test
    void turnoverIsPartOfTheCallersTransactionAndGoesWithItsRollback() throws Exception {
        UUID customer = paleCustomer();
        assertThrows(Rollback.class, () -> inTransaction(() -> {
            limits.authorise(customer, Money.of(10_000, "EUR"), OperationKind.PAYMENT);
            assertEquals(Turnover.totals(TestDatabase.DATA_SOURCE.getConnection(), customer,
                    java.util.Currency.getInstance("EUR")).today(), Money.of(10_000, "EUR"), "seen inside the transaction");
            throw new Rollback(); // the payment failed after its limits were checked
        }));
        assertEquals(0, turnover(customer), "a rolled-back payment leaves no turnover");
        authorise(customer, "150.00");
    }

    @Test
    void theBalanceCapNamesTheLevelNeeded() throws Exception {
        UUID customer = paleCustomer();
        inTransaction(() -> {
            limits.checkBalance(customer, Money.of(15_000, "EUR"));
            return null;
        });
        LimitExceededException cap = assertThrows(LimitExceededException.class, () -> inTransaction(() -> {
            limits.checkBalance(customer, Money.of(15_001, "EUR"));
            return null;
        }));
        assertTrue(cap.getMessage().contains("balance cap"));
        assertEquals(Optional.of(KycLevel.BASIC), cap.requiredLevel());
    }

    @Test
    void badOperationsAreRefusedWithTheirCodes() throws Exception {
        UUID customer = paleCustomer();
        assertEquals(AccountsException.CURRENCY_NOT_SUPPORTED, assertThrows(AccountsException.class, () -> inTransaction(() -> {
            limits.authorise(customer, Money.of(100, "USD"), OperationKind.PAYMENT);
            return null;
        })).errorCode());
        assertEquals(AccountsException.INVALID_AMOUNT, assertThrows(AccountsException.class, () -> inTransaction(() -> {
            limits.authorise(customer, Money.of(0, "EUR"), OperationKind.PAYMENT);
            return null;
        })).errorCode());
        assertEquals(AccountsException.PROFILE_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() -> {
            limits.authorise(UUID.randomUUID(), Money.of(100, "EUR"), OperationKind.PAYMENT);
            return null;
        })).errorCode());
        assertEquals(0, turnover(customer));
    }

    @Test
    void turnoverIsReadAndWrittenThroughIndexesOnly() throws Exception {
        UUID customer = paleCustomer();
        long[] before = scans();
        inTransaction(() -> {
            try (Statement sql = TestDatabase.DATA_SOURCE.getConnection().createStatement()) {
                // on a small table the planner prefers a scan; forbidding it shows an index serves every query
                sql.execute("SET LOCAL enable_seqscan = off");
            }
            limits.authorise(customer, Money.of(100, "EUR"), OperationKind.PAYMENT);
            limits.authorise(customer, Money.of(100, "EUR"), OperationKind.PAYMENT);
            return null;
        });
        long[] after = scans();
        assertEquals(before[0], after[0], "no sequential scan of customer_turnover");
        assertTrue(after[1] > before[1], "index scans of customer_turnover");
    }

    /** Sequential and index scans of customer_turnover, once this thread's session has flushed its statistics. */
    private static long[] scans() throws Exception {
        inTransaction(() -> {
            try (Statement sql = TestDatabase.DATA_SOURCE.getConnection().createStatement()) {
                sql.execute("SELECT pg_stat_force_next_flush()");
            }
            return null;
        });
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT seq_scan, COALESCE(idx_scan, 0) FROM pg_stat_user_tables "
                     + "WHERE schemaname = 'accounts' AND relname = 'customer_turnover'")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }
}
