package io.reactivepay.fraud.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.platform.error.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;

/** Assertions the fraud tests share. */
final class Expect {

    private Expect() {
    }

    /** The work, run in a transaction, is refused with the code (and so rolled back). */
    static void refused(ErrorCode code, Callable<?> work) {
        FraudException refusal = assertThrows(FraudException.class, () -> TestDatabase.inTransaction(work));
        assertEquals(code, refusal.errorCode(), refusal.getMessage());
    }

    static long count(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
