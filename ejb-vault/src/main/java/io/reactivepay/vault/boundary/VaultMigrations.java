package io.reactivepay.vault.boundary;

import io.reactivepay.platform.persistence.SchemaMigrations;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Brings the {@code vault} schema up to date before the module serves anything. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VaultMigrations extends SchemaMigrations {

    @Override
    protected String schema() {
        return "vault";
    }
}
