package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.accounts.api.AuditVerification;
import io.reactivepay.accounts.control.AuditChain;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

@Stateless
public class AuditLogBean implements AuditLog {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    AuditChain chain;

    @Override
    public void record(AuditEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            chain.append(connection, event);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log", e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuditVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            return chain.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }
}
