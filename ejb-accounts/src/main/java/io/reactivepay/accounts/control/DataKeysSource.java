package io.reactivepay.accounts.control;

import io.reactivepay.platform.crypto.DataKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The installation's data keys from MicroProfile Config, read once; see {@link DataKeys} for the properties. */
@ApplicationScoped
public class DataKeysSource {

    @Produces
    @Singleton
    DataKeys keys() {
        return DataKeys.fromConfig();
    }
}
