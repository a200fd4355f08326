package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.ApiKeyView;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.accounts.control.ApiKeyStore;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class MerchantsBean implements Merchants {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    MerchantStore merchants;

    @Inject
    ApiKeyStore keys;

    @Inject
    AuditChain audit;

    @Override
    public Merchant register(String legalName, Currency settlementCurrency, String actor) {
        if (legalName == null || legalName.isBlank() || legalName.length() > 200 || settlementCurrency == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT,
                    "A merchant needs a legal name of 1 to 200 characters and a settlement currency");
        }
        return Jdbc.with(dataSource, "Registering a merchant", connection -> {
            Merchant merchant = merchants.insert(connection, legalName.strip(), settlementCurrency);
            audit.append(connection, new AuditEvent(actor, "merchant.registered", "merchant", merchant.id().toString(),
                    "accounts", Map.of("legalName", merchant.legalName())));
            return merchant;
        });
    }

    @Override
    public Merchant changeStatus(UUID merchantId, Merchant.Status status, String actor) {
        return Jdbc.with(dataSource, "Changing a merchant's status", connection -> {
            Merchant merchant = merchants.changeStatus(connection, merchantId, status).orElseThrow(() ->
                    new AccountsException(AccountsException.MERCHANT_NOT_FOUND, "No merchant " + merchantId));
            audit.append(connection, new AuditEvent(actor, "merchant.status_changed", "merchant", merchantId.toString(),
                    "accounts", Map.of("status", status.name())));
            return merchant;
        });
    }

    @Override
    public Optional<Merchant> find(UUID merchantId) {
        return Jdbc.with(dataSource, "Reading a merchant", connection -> merchants.find(connection, merchantId));
    }

    @Override
    public NewApiKey createApiKey(UUID merchantId, String label, String actor) {
        return Jdbc.with(dataSource, "Creating an API key", connection -> {
            merchants.find(connection, merchantId).orElseThrow(() ->
                    new AccountsException(AccountsException.MERCHANT_NOT_FOUND, "No merchant " + merchantId));
            NewApiKey key = keys.create(connection, merchantId, label == null || label.isBlank() ? "default" : label);
            audit.append(connection, new AuditEvent(actor, "api_key.created", "merchant", merchantId.toString(),
                    "accounts", Map.of("keyId", key.id().toString())));
            return key;
        });
    }

    @Override
    public List<ApiKeyView> apiKeys(UUID merchantId) {
        return Jdbc.with(dataSource, "Listing API keys", connection -> keys.list(connection, merchantId));
    }

    @Override
    public void revokeApiKey(UUID keyId, String actor) {
        Jdbc.with(dataSource, "Revoking an API key", connection -> {
            UUID merchantId = keys.revoke(connection, keyId).orElseThrow(() ->
                    new AccountsException(AccountsException.API_KEY_NOT_FOUND, "No active API key " + keyId));
            audit.append(connection, new AuditEvent(actor, "api_key.revoked", "merchant", merchantId.toString(),
                    "accounts", Map.of("keyId", keyId.toString())));
            return null;
        });
    }

    @Override
    public Optional<Merchant> authenticate(String presentedKey) {
        return Jdbc.with(dataSource, "Authenticating an API key", connection -> keys.authenticate(connection, presentedKey));
    }
}
