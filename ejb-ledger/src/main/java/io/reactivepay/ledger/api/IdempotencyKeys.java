package io.reactivepay.ledger.api;

/** The shape every idempotency key and client id must have. */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static void requireValid(String clientId, String key) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 100) {
            throw new IllegalArgumentException("clientId must have 1 to 100 characters");
        }
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("idempotency key must have 1 to 200 characters");
        }
    }
}
