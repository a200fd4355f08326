package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.accounts.api.AuditVerification;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

@Stateless
public class AuditLogBean implements AuditLog {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    AuditChain chain;

    @Override
    public void record(AuditEvent event) {
        Jdbc.with(dataSource, "Writing the audit log", connection -> {
            chain.append(connection, event);
            return null;
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuditVerification verify() {
        return Jdbc.with(dataSource, "Verifying the audit log", chain::verify);
    }
}
