package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditVerification;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogIT {

    private static final AuditLogBean AUDIT = new AuditLogBean();

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.start("accounts");
        AUDIT.dataSource = TestDatabase.DATA_SOURCE;
        AUDIT.chain = new AuditChain();
    }

    private static AuditEvent event(String objectId) {
        return new AuditEvent("csm:anna", "document.approved", "document", objectId, "10.1.2.3",
                Map.of("level", "FULL", "reason", "passport matches"));
    }

    private static long latestId(Statement sql) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT max(id) FROM accounts.audit_log")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void recordedActionsFormAnIntactChain() throws Exception {
        for (int i = 0; i < 5; i++) {
            String id = "doc-" + i;
            inTransaction(() -> {
                AUDIT.record(event(id));
                return null;
            });
        }
        AuditVerification verification = inTransaction(AUDIT::verify);
        assertTrue(verification.intact(), verification.toString());
        assertTrue(verification.rows() >= 5);
    }

    @Test
    void anActionRolledBackLeavesNoAuditRow() throws Exception {
        String objectId = "doc-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> inTransaction(() -> {
            AUDIT.record(event(objectId));
            throw new IllegalStateException("the action failed");
        }));
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT count(*) FROM accounts.audit_log WHERE object_id = '" + objectId + "'")) {
            row.next();
            assertEquals(0, row.getLong(1));
        }
    }

    @Test
    void theLogRefusesChangesAndDeletions() throws Exception {
        inTransaction(() -> {
            AUDIT.record(event("doc-x"));
            return null;
        });
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            long id = latestId(sql);
            SQLException update = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("UPDATE accounts.audit_log SET actor = 'mallory' WHERE id = " + id));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM accounts.audit_log WHERE id = " + id));
        }
    }

    @Test
    void tamperingThatBypassesTheTriggerIsFoundByVerify() throws Exception {
        for (int i = 0; i < 3; i++) {
            inTransaction(() -> {
                AUDIT.record(event("doc-t"));
                return null;
            });
        }
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            long middle = latestId(sql) - 1;
            // a superuser can switch triggers off; the hash chain still gives the change away
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("UPDATE accounts.audit_log SET actor = 'csm:mallory' WHERE id = " + middle);
            AuditVerification changed = inTransaction(AUDIT::verify);
            assertEquals(middle, changed.firstBrokenId().orElseThrow());

            sql.executeUpdate("UPDATE accounts.audit_log SET actor = 'csm:anna' WHERE id = " + middle);
            assertTrue(inTransaction(AUDIT::verify).intact(), "restoring the row restores the chain");

            sql.executeUpdate("CREATE TEMP TABLE removed AS SELECT * FROM accounts.audit_log WHERE id = " + middle);
            sql.executeUpdate("DELETE FROM accounts.audit_log WHERE id = " + middle);
            AuditVerification removed = inTransaction(AUDIT::verify);
            assertEquals(middle + 1, removed.firstBrokenId().orElseThrow(), "the row after a removed one breaks");
            sql.executeUpdate("INSERT INTO accounts.audit_log OVERRIDING SYSTEM VALUE SELECT * FROM removed");
            sql.execute("SET session_replication_role = origin");
        }
        assertTrue(inTransaction(AUDIT::verify).intact());
    }

    @Test
    void concurrentRecordsKeepTheChainIntact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> writers = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String id = "doc-c" + i;
                writers.add(pool.submit(() -> inTransaction(() -> {
                    AUDIT.record(event(id));
                    return null;
                })));
            }
            for (Future<Object> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification verification = inTransaction(AUDIT::verify);
        assertTrue(verification.intact(), verification.toString());
    }
}
