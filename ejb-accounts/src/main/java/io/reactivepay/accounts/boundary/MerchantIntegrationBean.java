package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.MerchantIntegration;
import io.reactivepay.accounts.api.MerchantPublicKey;
import io.reactivepay.accounts.api.Webhook;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.Endpoints;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.accounts.control.PublicKeyStore;
import io.reactivepay.accounts.control.PublicKeys;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class MerchantIntegrationBean implements MerchantIntegration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    MerchantStore merchants;

    @Inject
    AuditChain audit;

    @Override
    public MerchantPublicKey addPublicKey(UUID merchantId, String pem, String actor) {
        PublicKeys.Parsed key = PublicKeys.parse(pem);
        return Jdbc.with(dataSource, "Registering a public key", connection -> {
            merchants.find(connection, merchantId).orElseThrow(() -> MerchantsBean.notFound(merchantId));
            MerchantPublicKey added = PublicKeyStore.insert(connection, merchantId, key).orElseThrow(() ->
                    new AccountsException(AccountsException.PUBLIC_KEY_EXISTS, "The key is registered already"));
            audit(connection, actor, "merchant.public_key_added", merchantId, Map.of("fingerprint", key.fingerprint()));
            return added;
        });
    }

    @Override
    public List<MerchantPublicKey> publicKeys(UUID merchantId) {
        return Jdbc.with(dataSource, "Listing public keys", connection -> PublicKeyStore.list(connection, merchantId));
    }

    @Override
    public void revokePublicKey(UUID keyId, String actor) {
        Jdbc.with(dataSource, "Revoking a public key", connection -> {
            MerchantPublicKey key = PublicKeyStore.revoke(connection, keyId).orElseThrow(() ->
                    new AccountsException(AccountsException.PUBLIC_KEY_NOT_FOUND, "No active public key " + keyId));
            audit(connection, actor, "merchant.public_key_revoked", key.merchantId(), Map.of("fingerprint", key.fingerprint()));
            return null;
        });
    }

    @Override
    public void requireSignedRequests(UUID merchantId, boolean required, String actor) {
        change(merchantId, actor, "merchant.signatures_required_changed", Map.of("required", String.valueOf(required)),
                "require_signature = ?", required);
    }

    @Override
    public String configureWebhook(UUID merchantId, String url, String actor) {
        String valid = Endpoints.webhookUrl(url);
        String secret = newSecret();
        change(merchantId, actor, "merchant.webhook_configured", Map.of("url", valid),
                "webhook_url = ?, webhook_previous_secret = webhook_secret, webhook_secret = ?", valid,
                merchants.encryptWebhookSecret(secret));
        return secret;
    }

    @Override
    public String rotateWebhookSecret(UUID merchantId, String actor) {
        String secret = newSecret();
        Jdbc.with(dataSource, "Rotating a webhook secret", connection -> {
            merchants.webhook(connection, merchantId).orElseThrow(() ->
                    new AccountsException(AccountsException.INVALID_WEBHOOK, "The merchant has no webhook to rotate"));
            merchants.update(connection, merchantId, "webhook_previous_secret = webhook_secret, webhook_secret = ?",
                    merchants.encryptWebhookSecret(secret));
            audit(connection, actor, "merchant.webhook_secret_rotated", merchantId, Map.of());
            return null;
        });
        return secret;
    }

    @Override
    public void retirePreviousWebhookSecret(UUID merchantId, String actor) {
        change(merchantId, actor, "merchant.webhook_previous_secret_retired", Map.of(), "webhook_previous_secret = NULL");
    }

    @Override
    public Optional<Webhook> webhook(UUID merchantId) {
        return Jdbc.with(dataSource, "Reading a webhook", connection -> merchants.webhook(connection, merchantId));
    }

    @Override
    public void allowNetworks(UUID merchantId, List<String> cidrs, String actor) {
        String[] networks = (cidrs == null ? List.<String>of() : cidrs).stream().map(Endpoints::network).distinct()
                .toArray(String[]::new);
        Jdbc.with(dataSource, "Changing a merchant's allowed networks", connection -> {
            merchants.update(connection, merchantId, "allowed_ips = ?::cidr[]", connection.createArrayOf("text", networks))
                    .orElseThrow(() -> MerchantsBean.notFound(merchantId));
            audit(connection, actor, "merchant.allowed_networks_changed", merchantId, Map.of("networks", String.join(",", networks)));
            return null;
        });
    }

    @Override
    public boolean isAllowedSource(UUID merchantId, String ipAddress) {
        return Endpoints.address(ipAddress).isPresent() && Jdbc.with(dataSource, "Checking a request's source",
                connection -> merchants.isAllowedSource(connection, merchantId, ipAddress));
    }

    private void change(UUID merchantId, String actor, String action, Map<String, String> details, String assignments,
                        Object... values) {
        Jdbc.with(dataSource, "Changing a merchant's integration", connection -> {
            merchants.update(connection, merchantId, assignments, values).orElseThrow(() -> MerchantsBean.notFound(merchantId));
            audit(connection, actor, action, merchantId, details);
            return null;
        });
    }

    private void audit(Connection connection, String actor, String action, UUID merchantId, Map<String, String> details)
            throws SQLException {
        audit.append(connection, new AuditEvent(actor, action, "merchant", merchantId.toString(), "accounts", details));
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
