package io.reactivepay.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The payments' timers. Non-persistent: every instance runs them, which is safe because the work is
 * claimed row by row with SKIP LOCKED ({@link PaymentRecoveryBean}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentJobs {

    @EJB
    PaymentRecoveryBean recovery;

    @EJB
    ReceiptsBean receipts;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void resolveUnknown() {
        while (recovery.resolveUnknown(50) == 50) {
            // more are due: keep going until a short batch says the queue is drained
        }
        while (recovery.resolveRefunds(50) == 50) {
            // same
        }
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void expireAuthorisations() {
        while (recovery.expireDue(100) == 100) {
            // same as above
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeReceipts() {
        while (receipts.purgeExpired(1_000) == 1_000) {
            // same as above
        }
    }
}
