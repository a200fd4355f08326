package io.reactivepay.rest.security;

import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.rest.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated merchant of this request, as {@link MerchantGate} found it, with the body it read
 * (already size-checked and covered by the signature, if any) and the idempotency key of a POST.
 */
@RequestScoped
public class ApiCaller {

    private Merchant merchant;
    private byte[] body = new byte[0];
    private String idempotencyKey;
    private String requestDigest;

    void admit(Merchant merchant, byte[] body, String idempotencyKey, String requestDigest) {
        this.merchant = Objects.requireNonNull(merchant);
        this.body = body;
        this.idempotencyKey = idempotencyKey;
        this.requestDigest = requestDigest;
    }

    public UUID merchantId() {
        return merchant().id();
    }

    public Merchant merchant() {
        if (merchant == null) {
            throw new IllegalStateException("The request was not admitted by MerchantGate");
        }
        return merchant;
    }

    public byte[] body() {
        return body;
    }

    /** Who makes this money-moving call, under its idempotency key (checked present by the gate). */
    public MerchantCall call() {
        if (idempotencyKey == null) {
            throw ApiException.invalid(ApiException.IDEMPOTENCY_KEY_MISSING, "Idempotency-Key",
                    "The Idempotency-Key header is required");
        }
        return new MerchantCall(merchantId(), idempotencyKey, requestDigest);
    }
}
