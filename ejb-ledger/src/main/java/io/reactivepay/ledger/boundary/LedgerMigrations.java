package io.reactivepay.ledger.boundary;

import io.reactivepay.platform.persistence.SchemaMigrations;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Brings the {@code ledger} schema up to date before the module serves anything. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerMigrations extends SchemaMigrations {

    @Override
    protected String schema() {
        return "ledger";
    }
}
