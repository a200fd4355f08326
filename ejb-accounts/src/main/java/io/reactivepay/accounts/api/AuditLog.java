package io.reactivepay.accounts.api;

import jakarta.ejb.Local;

/** The append-only, hash-chained audit log of back-office actions. */
@Local
public interface AuditLog {

    /** Records the action in the caller's transaction: it is audited exactly when it happens. */
    void record(AuditEvent event);

    /** Re-computes the whole chain and reports the first row that was changed, removed or inserted. */
    AuditVerification verify();
}
