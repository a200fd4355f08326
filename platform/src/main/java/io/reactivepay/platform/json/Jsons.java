package io.reactivepay.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createObjectBuilder()} and its siblings search the
 * class path for a provider on every call, which cost a fifth of the server JVM's samples in the
 * ledger benchmark; hot paths build JSON through {@link #PROVIDER} instead.
 */
public final class Jsons {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
