package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.control.TokenSigner;
import io.reactivepay.platform.crypto.DataKeys;
import io.reactivepay.platform.persistence.SchemaMigrations;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Brings the {@code accounts} schema up to date before the module serves anything, and resolves the
 * data keys and the token key at deployment: without them the deployment fails, naming the missing
 * property, instead of the first customer sign-up.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountsMigrations extends SchemaMigrations {

    @Inject
    DataKeys keys;

    @Inject
    TokenSigner tokenSigner;

    @Override
    protected String schema() {
        return "accounts";
    }
}
