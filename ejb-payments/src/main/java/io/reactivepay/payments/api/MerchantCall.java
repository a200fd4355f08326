package io.reactivepay.payments.api;

import java.util.Objects;
import java.util.UUID;

/**
 * Who makes a money-moving call and under which idempotency key. {@code requestDigest} identifies the
 * request (the API uses the hex SHA-256 of method, path and body): the same key with another digest is
 * refused with {@link PaymentsException#IDEMPOTENCY_KEY_REUSED}, the same key with the same digest
 * replays the first {@link Receipt}. Keys are scoped per merchant.
 */
public record MerchantCall(UUID merchantId, String idempotencyKey, String requestDigest) {

    public MerchantCall {
        Objects.requireNonNull(merchantId, "merchantId");
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 255
                || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw PaymentsException.invalid("Idempotency-Key",
                    "The idempotency key must have 1 to 255 visible ASCII characters");
        }
        if (requestDigest == null || requestDigest.isBlank() || requestDigest.length() > 128) {
            throw new IllegalArgumentException("requestDigest must have 1 to 128 characters");
        }
    }
}
