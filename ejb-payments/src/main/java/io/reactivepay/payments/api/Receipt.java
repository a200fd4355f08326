package io.reactivepay.payments.api;

import java.util.Objects;

/**
 * The answer to a money-moving call as the API sends it: the HTTP status and the JSON body. It is
 * stored with the idempotency key in the transaction that made the change, so a repeated call gets
 * these very bytes back ({@code replayed} true) and never a second effect.
 */
public record Receipt(int status, String body, boolean replayed) {

    public Receipt {
        Objects.requireNonNull(body, "body");
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
    }

    public Receipt asReplay() {
        return new Receipt(status, body, true);
    }
}
