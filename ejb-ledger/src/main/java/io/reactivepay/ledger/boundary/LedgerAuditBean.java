package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.InvariantReport;
import io.reactivepay.ledger.api.LedgerAudit;
import io.reactivepay.ledger.control.InvariantChecker;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

@Stateless
public class LedgerAuditBean implements LedgerAudit {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    InvariantChecker checker;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InvariantReport verify() {
        return Jdbc.with(dataSource, "Verifying the ledger", checker::verify);
    }
}
