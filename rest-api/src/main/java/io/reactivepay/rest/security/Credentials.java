package io.reactivepay.rest.security;

import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.MerchantPublicKey;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.platform.concurrent.Expiring;
import io.reactivepay.platform.crypto.RequestSignature;
import io.reactivepay.rest.ApiConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the gate asks the accounts module on every request, remembered for
 * {@code reactivepay.api.credential-cache-seconds}: the merchant of an API key (by the key's SHA-256,
 * the key itself is not kept), whether a source address is allowed, the merchant's active public keys.
 * A revoked key, a key removed, a network no longer allowed take effect within that time on every
 * server.
 */
@ApplicationScoped
public class Credentials {

    @EJB
    Merchants merchants;

    @EJB
    MerchantIntegration integration;

    @Inject
    ApiConfig config;

    private Expiring<String, Merchant> byKey;
    private Expiring<String, Boolean> sources;
    private Expiring<UUID, Map<String, PublicKey>> publicKeys;

    @PostConstruct
    void init() {
        byKey = new Expiring<>(config.credentialCache(), 10_000);
        sources = new Expiring<>(config.credentialCache(), 10_000);
        publicKeys = new Expiring<>(config.credentialCache(), 10_000);
    }

    public Optional<Merchant> merchant(String apiKey) {
        return byKey.get(RequestSignature.sha256Hex(apiKey.getBytes(StandardCharsets.UTF_8)),
                hash -> merchants.authenticate(apiKey));
    }

    public boolean allowedSource(UUID merchantId, String address) {
        return sources.get(merchantId + " " + address,
                key -> Optional.of(integration.isAllowedSource(merchantId, address))).orElse(false);
    }

    public Optional<PublicKey> publicKey(UUID merchantId, String keyId) {
        return publicKeys.get(merchantId, id -> {
            Map<String, PublicKey> active = new HashMap<>();
            for (MerchantPublicKey key : integration.publicKeys(id)) {
                if (key.revokedAt().isEmpty()) {
                    active.put(key.fingerprint(), RequestSignature.publicKey(key.pem()));
                }
            }
            return Optional.of(Map.copyOf(active));
        }).map(keys -> keys.get(keyId));
    }
}
