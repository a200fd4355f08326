package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Merchants and their API keys. Every change is written to the audit log with its actor. */
@Local
public interface Merchants {

    /** Registers a merchant in status PENDING. */
    Merchant register(String legalName, Currency settlementCurrency, String actor);

    Merchant changeStatus(UUID merchantId, Merchant.Status status, String actor);

    Optional<Merchant> find(UUID merchantId);

    Optional<MerchantDetails> details(UUID merchantId);

    /** @throws AccountsException {@link AccountsException#INVALID_MERCHANT} */
    Merchant updateLegalData(UUID merchantId, LegalData data, String actor);

    /**
     * Sets the settlement currency and bank account.
     *
     * @throws AccountsException {@link AccountsException#INVALID_BANK_ACCOUNT} for a bad IBAN (checked mod 97) or BIC
     */
    void updateSettlement(UUID merchantId, Currency currency, BankAccount account, String actor);

    /** The decrypted settlement account, for payouts. */
    Optional<BankAccount> bankAccount(UUID merchantId);

    /** Creates a key; the returned secret is the only copy there will ever be. */
    NewApiKey createApiKey(UUID merchantId, String label, String actor);

    List<ApiKeyView> apiKeys(UUID merchantId);

    void revokeApiKey(UUID keyId, String actor);

    /** Revokes an active key and creates its successor with the same label, in one step. */
    NewApiKey rotateApiKey(UUID keyId, String actor);

    /** The active merchant a presented key belongs to; empty for unknown, revoked or inactive. */
    Optional<Merchant> authenticate(String presentedKey);
}
