package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.control.EncryptedColumns;
import io.reactivepay.platform.crypto.DataKeys;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Moves encrypted values to the current data key in the background, batch by batch, while the
 * system keeps serving: each batch is its own short transaction, rows in use are skipped. Every
 * instance runs the job; {@code SKIP LOCKED} hands each one other rows. To rotate: add a key to
 * {@code reactivepay.crypto.data-keys}, make it {@code active-key-id} on every instance, and remove
 * the old key only once this job has left no value under it.
 */
@Stateless
public class KeyRotationBean {

    private static final System.Logger LOG = System.getLogger(KeyRotationBean.class.getName());
    private static final Duration BUDGET = Duration.ofMinutes(1);

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @Inject
    DataKeys keys;

    /** Scans each table with encrypted columns every five minutes, for at most a minute. */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void rotateInBackground() {
        KeyRotationBean self = context.getBusinessObject(KeyRotationBean.class);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        long total = 0;
        int batch;
        do {
            batch = self.rotateBatch();
            total += batch;
        } while (batch > 0 && System.nanoTime() < deadline);
        if (total > 0) {
            LOG.log(System.Logger.Level.INFO, "Re-encrypted {0} row(s) under data key {1}", total, keys.cipher().currentKeyId());
        }
    }

    /** One batch per table, in a transaction of its own; 0 when every value is under the current key. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch() {
        return Jdbc.with(dataSource, "Re-encrypting under the current data key", connection -> {
            int rotated = 0;
            for (EncryptedColumns.Table table : EncryptedColumns.ALL) {
                rotated += EncryptedColumns.rotate(connection, table, keys.cipher());
            }
            return rotated;
        });
    }
}
