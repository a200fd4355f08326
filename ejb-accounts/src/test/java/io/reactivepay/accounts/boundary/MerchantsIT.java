package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.ApiKeyView;
import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.LegalData;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantDetails;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerchantsIT {

    private static MerchantsBean merchants;

    @BeforeAll
    static void database() throws Exception {
        merchants = AccountsBeans.merchants(TestKeys.beforeRotation());
    }

    private static Merchant activeMerchant() throws Exception {
        return AccountsBeans.activeMerchant(merchants);
    }

    @Test
    void aKeyAuthenticatesItsActiveMerchantAndOnlyItsHashIsStored() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> merchants.createApiKey(merchant.id(), "web shop", "merchant:owner"));

        assertEquals(merchant.id(), inTransaction(() -> merchants.authenticate(key.secret())).orElseThrow().id());
        // after the prefix's underscore: the secret itself may contain '_' (base64url)
        String secretPart = key.secret().substring(key.secret().indexOf('_', "rp_".length()) + 1);
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT row_to_json(k)::text FROM accounts.api_key k WHERE id = '"
                     + key.id() + "'")) {
            row.next();
            String stored = row.getString(1);
            assertFalse(stored.contains(secretPart), "the secret is not stored");
            assertFalse(stored.contains(key.secret()), "the key is not stored");
        }
        List<ApiKeyView> listed = inTransaction(() -> merchants.apiKeys(merchant.id()));
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).masked().endsWith("_…"));
        assertFalse(listed.get(0).masked().contains(secretPart));
        assertFalse(key.toString().contains(secretPart), "the key does not leak into logs through toString");
    }

    @Test
    void aRevokedWrongOrForeignKeyIsRefused() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> merchants.createApiKey(merchant.id(), "old", "merchant:owner"));
        NewApiKey rotated = inTransaction(() -> merchants.createApiKey(merchant.id(), "new", "merchant:owner"));
        inTransaction(() -> {
            merchants.revokeApiKey(key.id(), "merchant:owner");
            return null;
        });

        assertTrue(inTransaction(() -> merchants.authenticate(key.secret())).isEmpty(), "revoked");
        assertTrue(inTransaction(() -> merchants.authenticate(rotated.secret())).isPresent(), "the new key works");
        String tampered = rotated.secret().substring(0, rotated.secret().length() - 1)
                + (rotated.secret().endsWith("A") ? "B" : "A");
        assertTrue(inTransaction(() -> merchants.authenticate(tampered)).isEmpty(), "a wrong secret");
        assertTrue(inTransaction(() -> merchants.authenticate("not a key")).isEmpty(), "garbage");
        assertTrue(inTransaction(() -> merchants.authenticate(null)).isEmpty(), "nothing");
        AccountsException again = assertThrows(AccountsException.class, () -> inTransaction(() -> {
            merchants.revokeApiKey(key.id(), "merchant:owner");
            return null;
        }));
        assertEquals(AccountsException.API_KEY_NOT_FOUND, again.errorCode());
    }

    @Test
    void aSuspendedMerchantsKeysStopWorking() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> merchants.createApiKey(merchant.id(), "", "merchant:owner"));
        inTransaction(() -> merchants.changeStatus(merchant.id(), Merchant.Status.SUSPENDED, "csm:anna"));
        assertTrue(inTransaction(() -> merchants.authenticate(key.secret())).isEmpty());
    }

    @Test
    void everyChangeIsAudited() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> merchants.createApiKey(merchant.id(), "k", "merchant:owner"));
        inTransaction(() -> {
            merchants.revokeApiKey(key.id(), "merchant:owner");
            return null;
        });
        assertEquals("merchant.registered by admin:root, merchant.status_changed by admin:root, "
                + "api_key.created by merchant:owner, api_key.revoked by merchant:owner",
                AccountsBeans.auditTrail("merchant", merchant.id()));
    }

    @Test
    void badInputIsRefusedWithItsCodeAndChangesNothing() throws Exception {
        AccountsException blank = assertThrows(AccountsException.class, () -> inTransaction(() ->
                merchants.register(" ", Currency.getInstance("EUR"), "admin:root")));
        assertEquals(AccountsException.INVALID_MERCHANT, blank.errorCode());
        AccountsException missing = assertThrows(AccountsException.class, () -> inTransaction(() ->
                merchants.createApiKey(UUID.randomUUID(), "k", "admin:root")));
        assertEquals(AccountsException.MERCHANT_NOT_FOUND, missing.errorCode());
    }

    @Test
    void legalDataAndTheSettlementAccountAreKeptWithTheIbanEncryptedAndAudited() throws Exception {
        Merchant merchant = activeMerchant();
        inTransaction(() -> merchants.updateLegalData(merchant.id(), new LegalData("Beispiel Shop GmbH", "HRB 12345",
                "Hauptstraße 1, 10115 Berlin", "DE"), "admin:root"));
        inTransaction(() -> {
            merchants.updateSettlement(merchant.id(), Currency.getInstance("EUR"),
                    new BankAccount("Beispiel Shop GmbH", "de89 3704 0044 0532 0130 00", "COBADEFFXXX"), "admin:root");
            return null;
        });
        MerchantDetails details = inTransaction(() -> merchants.details(merchant.id())).orElseThrow();
        assertEquals("Beispiel Shop GmbH", details.merchant().legalName());
        assertEquals(Optional.of("HRB 12345"), details.registrationNumber());
        assertEquals(Optional.of("•••• 3000"), details.maskedIban());
        assertEquals(Optional.of(new BankAccount("Beispiel Shop GmbH", "DE89370400440532013000", "COBADEFFXXX")),
                inTransaction(() -> merchants.bankAccount(merchant.id())));
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT m::text FROM accounts.merchant m WHERE id = '" + merchant.id() + "'")) {
            row.next();
            assertFalse(row.getString(1).contains("0532013000"), row.getString(1));
        }
        assertTrue(AccountsBeans.auditTrail("merchant", merchant.id()).endsWith(
                "merchant.legal_data_changed by admin:root, merchant.settlement_changed by admin:root"));
    }

    @Test
    void aBadIbanBicOrLegalDataIsRefusedAndChangesNothing() throws Exception {
        Merchant merchant = activeMerchant();
        for (BankAccount bad : List.of(new BankAccount("Shop", "DE89 3704 0044 0532 0130 01", null),
                new BankAccount("Shop", "DE89", null), new BankAccount("Shop", "DE89 3704 0044 0532 0130 00", "COBA"),
                new BankAccount(" ", "DE89 3704 0044 0532 0130 00", null))) {
            assertEquals(AccountsException.INVALID_BANK_ACCOUNT, assertThrows(AccountsException.class, () -> inTransaction(() -> {
                merchants.updateSettlement(merchant.id(), Currency.getInstance("EUR"), bad, "admin:root");
                return null;
            })).errorCode());
        }
        assertEquals(AccountsException.INVALID_MERCHANT, assertThrows(AccountsException.class, () -> inTransaction(() ->
                merchants.updateLegalData(merchant.id(), new LegalData("Shop", null, null, "ZZ"), "admin:root"))).errorCode());
        assertEquals(Optional.empty(), inTransaction(() -> merchants.bankAccount(merchant.id())));
        assertEquals("merchant.registered by admin:root, merchant.status_changed by admin:root",
                AccountsBeans.auditTrail("merchant", merchant.id()));
    }

    @Test
    void rotatingAKeyRevokesItAndHandsOutItsSuccessorOnce() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey old = inTransaction(() -> merchants.createApiKey(merchant.id(), "shop", "merchant:owner"));
        NewApiKey successor = inTransaction(() -> merchants.rotateApiKey(old.id(), "merchant:owner"));
        assertTrue(inTransaction(() -> merchants.authenticate(old.secret())).isEmpty());
        assertEquals(merchant.id(), inTransaction(() -> merchants.authenticate(successor.secret())).orElseThrow().id());
        assertEquals(List.of("shop", "shop"), inTransaction(() -> merchants.apiKeys(merchant.id())).stream()
                .map(ApiKeyView::label).toList());
        assertTrue(AccountsBeans.auditTrail("merchant", merchant.id()).endsWith("api_key.rotated by merchant:owner"));
        assertEquals(AccountsException.API_KEY_NOT_FOUND, assertThrows(AccountsException.class, () -> inTransaction(() ->
                merchants.rotateApiKey(old.id(), "merchant:owner"))).errorCode());
    }
}
