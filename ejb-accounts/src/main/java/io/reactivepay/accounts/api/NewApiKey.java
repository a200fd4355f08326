package io.reactivepay.accounts.api;

import java.util.UUID;

/** A key just created: {@code secret} is the full key, shown this once and stored nowhere. */
public record NewApiKey(UUID id, String secret) {

    @Override
    public String toString() {
        return "NewApiKey[id=" + id + ", secret=<hidden>]";
    }
}
