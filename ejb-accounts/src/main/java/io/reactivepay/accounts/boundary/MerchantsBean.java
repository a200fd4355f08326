package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.ApiKeyView;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.LegalData;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantDetails;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.accounts.control.ApiKeyStore;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.BankDetails;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.accounts.control.PersonalData;
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
        String name = required(legalName);
        if (settlementCurrency == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT, "A merchant needs a settlement currency");
        }
        return Jdbc.with(dataSource, "Registering a merchant", connection -> {
            Merchant merchant = merchants.insert(connection, name, settlementCurrency);
            audit.append(connection, new AuditEvent(actor, "merchant.registered", "merchant", merchant.id().toString(),
                    "accounts", Map.of("legalName", merchant.legalName())));
            return merchant;
        });
    }

    @Override
    public Merchant changeStatus(UUID merchantId, Merchant.Status status, String actor) {
        return Jdbc.with(dataSource, "Changing a merchant's status", connection -> {
            Merchant merchant = merchants.changeStatus(connection, merchantId, status).orElseThrow(() -> notFound(merchantId));
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
    public Optional<MerchantDetails> details(UUID merchantId) {
        return Jdbc.with(dataSource, "Reading a merchant", connection -> merchants.details(connection, merchantId));
    }

    @Override
    public Merchant updateLegalData(UUID merchantId, LegalData data, String actor) {
        if (data == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT, "Legal data is needed");
        }
        LegalData valid = new LegalData(required(data.legalName()),
                PersonalData.text(data.registrationNumber(), 100, "The registration number", AccountsException.INVALID_MERCHANT),
                PersonalData.text(data.legalAddress(), 500, "The legal address", AccountsException.INVALID_MERCHANT),
                PersonalData.country(data.country(), AccountsException.INVALID_MERCHANT));
        return Jdbc.with(dataSource, "Changing a merchant's legal data", connection -> {
            Merchant merchant = merchants.updateLegalData(connection, merchantId, valid).orElseThrow(() -> notFound(merchantId));
            audit.append(connection, new AuditEvent(actor, "merchant.legal_data_changed", "merchant", merchantId.toString(),
                    "accounts", Map.of("legalName", valid.legalName())));
            return merchant;
        });
    }

    @Override
    public void updateSettlement(UUID merchantId, Currency currency, BankAccount account, String actor) {
        BankAccount valid = BankDetails.validated(account);
        if (currency == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT, "A settlement currency is needed");
        }
        Jdbc.with(dataSource, "Changing a merchant's settlement account", connection -> {
            merchants.updateSettlement(connection, merchantId, currency, valid).orElseThrow(() -> notFound(merchantId));
            audit.append(connection, new AuditEvent(actor, "merchant.settlement_changed", "merchant", merchantId.toString(),
                    "accounts", Map.of("currency", currency.getCurrencyCode(),
                    "iban", "…" + valid.iban().substring(valid.iban().length() - 4))));
            return null;
        });
    }

    @Override
    public Optional<BankAccount> bankAccount(UUID merchantId) {
        return Jdbc.with(dataSource, "Reading a settlement account", connection -> merchants.bankAccount(connection, merchantId));
    }

    @Override
    public NewApiKey createApiKey(UUID merchantId, String label, String actor) {
        return Jdbc.with(dataSource, "Creating an API key", connection -> {
            merchants.find(connection, merchantId).orElseThrow(() -> notFound(merchantId));
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
                    new AccountsException(AccountsException.API_KEY_NOT_FOUND, "No active API key " + keyId)).merchantId();
            audit.append(connection, new AuditEvent(actor, "api_key.revoked", "merchant", merchantId.toString(),
                    "accounts", Map.of("keyId", keyId.toString())));
            return null;
        });
    }

    @Override
    public NewApiKey rotateApiKey(UUID keyId, String actor) {
        return Jdbc.with(dataSource, "Rotating an API key", connection -> {
            ApiKeyStore.Rotated rotated = keys.rotate(connection, keyId).orElseThrow(() ->
                    new AccountsException(AccountsException.API_KEY_NOT_FOUND, "No active API key " + keyId));
            audit.append(connection, new AuditEvent(actor, "api_key.rotated", "merchant", rotated.merchantId().toString(),
                    "accounts", Map.of("keyId", keyId.toString(), "newKeyId", rotated.key().id().toString())));
            return rotated.key();
        });
    }

    @Override
    public Optional<Merchant> authenticate(String presentedKey) {
        return Jdbc.with(dataSource, "Authenticating an API key", connection -> keys.authenticate(connection, presentedKey));
    }

    private static String required(String legalName) {
        String name = PersonalData.text(legalName, 200, "The legal name", AccountsException.INVALID_MERCHANT);
        if (name == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT, "A merchant needs a legal name");
        }
        return name;
    }

    static AccountsException notFound(UUID merchantId) {
        return new AccountsException(AccountsException.MERCHANT_NOT_FOUND, "No merchant " + merchantId);
    }
}
