package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.accounts.control.AuditChain;
import javax.sql.DataSource;

/** The real accounts audit log, wired by hand for other modules' tests on TestDatabase. */
public final class AccountsAudit {

    private AccountsAudit() {
    }

    public static AuditLog on(DataSource dataSource) {
        AuditLogBean audit = new AuditLogBean();
        audit.dataSource = dataSource;
        audit.chain = new AuditChain();
        return audit;
    }
}
