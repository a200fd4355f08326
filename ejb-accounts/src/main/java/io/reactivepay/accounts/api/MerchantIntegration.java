package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a merchant's systems talk to ours: RSA keys that sign requests, whether signatures are
 * required, the webhook endpoint and its signing secrets, the networks requests may come from. Every
 * change is audited (never with a secret).
 */
@Local
public interface MerchantIntegration {

    /**
     * Registers an RSA public key (PEM {@code BEGIN PUBLIC KEY}, at least 2048 bits).
     *
     * @throws AccountsException {@link AccountsException#INVALID_PUBLIC_KEY}, {@link AccountsException#PUBLIC_KEY_EXISTS}
     */
    MerchantPublicKey addPublicKey(UUID merchantId, String pem, String actor);

    List<MerchantPublicKey> publicKeys(UUID merchantId);

    void revokePublicKey(UUID keyId, String actor);

    void requireSignedRequests(UUID merchantId, boolean required, String actor);

    /**
     * Sets the endpoint (https, or http to localhost) and returns a fresh signing secret; the one
     * before stays valid until {@link #retirePreviousWebhookSecret}.
     *
     * @throws AccountsException {@link AccountsException#INVALID_WEBHOOK}
     */
    String configureWebhook(UUID merchantId, String url, String actor);

    /** A new signing secret; the current one becomes the previous one and keeps verifying. */
    String rotateWebhookSecret(UUID merchantId, String actor);

    void retirePreviousWebhookSecret(UUID merchantId, String actor);

    /** The endpoint and the secrets to sign with, current first. */
    Optional<Webhook> webhook(UUID merchantId);

    /**
     * Limits the networks API requests may come from; an empty list allows any.
     *
     * @throws AccountsException {@link AccountsException#INVALID_NETWORK} for anything but a CIDR such as 203.0.113.0/24
     */
    void allowNetworks(UUID merchantId, List<String> cidrs, String actor);

    boolean isAllowedSource(UUID merchantId, String ipAddress);
}
