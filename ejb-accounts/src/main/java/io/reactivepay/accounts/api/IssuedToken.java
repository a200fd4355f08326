package io.reactivepay.accounts.api;

import java.time.Instant;

/** A bearer token for the wallet API; {@code toString} leaves the token out of logs. */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
