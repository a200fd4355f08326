package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.ApiKeyView;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.accounts.control.ApiKeyStore;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.embedded.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerchantsIT {

    private static final MerchantsBean MERCHANTS = new MerchantsBean();

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.start("accounts");
        MERCHANTS.dataSource = TestDatabase.DATA_SOURCE;
        MERCHANTS.merchants = new MerchantStore();
        MERCHANTS.keys = new ApiKeyStore();
        MERCHANTS.audit = new AuditChain();
    }

    private static Merchant activeMerchant() throws Exception {
        Merchant merchant = inTransaction(() -> MERCHANTS.register("Shop " + UUID.randomUUID(),
                Currency.getInstance("EUR"), "admin:root"));
        return inTransaction(() -> MERCHANTS.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "admin:root"));
    }

    @Test
    void aKeyAuthenticatesItsActiveMerchantAndOnlyItsHashIsStored() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> MERCHANTS.createApiKey(merchant.id(), "web shop", "merchant:owner"));

        assertEquals(merchant.id(), inTransaction(() -> MERCHANTS.authenticate(key.secret())).orElseThrow().id());
        String secretPart = key.secret().substring(key.secret().lastIndexOf('_') + 1);
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT row_to_json(k)::text FROM accounts.api_key k WHERE id = '"
                     + key.id() + "'")) {
            row.next();
            String stored = row.getString(1);
            assertFalse(stored.contains(secretPart), "the secret is not stored");
            assertFalse(stored.contains(key.secret()), "the key is not stored");
        }
        List<ApiKeyView> listed = inTransaction(() -> MERCHANTS.apiKeys(merchant.id()));
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).masked().endsWith("_…"));
        assertFalse(listed.get(0).masked().contains(secretPart));
        assertFalse(key.toString().contains(secretPart), "the key does not leak into logs through toString");
    }

    @Test
    void aRevokedWrongOrForeignKeyIsRefused() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> MERCHANTS.createApiKey(merchant.id(), "old", "merchant:owner"));
        NewApiKey rotated = inTransaction(() -> MERCHANTS.createApiKey(merchant.id(), "new", "merchant:owner"));
        inTransaction(() -> {
            MERCHANTS.revokeApiKey(key.id(), "merchant:owner");
            return null;
        });

        assertTrue(inTransaction(() -> MERCHANTS.authenticate(key.secret())).isEmpty(), "revoked");
        assertTrue(inTransaction(() -> MERCHANTS.authenticate(rotated.secret())).isPresent(), "the new key works");
        String tampered = rotated.secret().substring(0, rotated.secret().length() - 1)
                + (rotated.secret().endsWith("A") ? "B" : "A");
        assertTrue(inTransaction(() -> MERCHANTS.authenticate(tampered)).isEmpty(), "a wrong secret");
        assertTrue(inTransaction(() -> MERCHANTS.authenticate("not a key")).isEmpty(), "garbage");
        assertTrue(inTransaction(() -> MERCHANTS.authenticate(null)).isEmpty(), "nothing");
        AccountsException again = assertThrows(AccountsException.class, () -> inTransaction(() -> {
            MERCHANTS.revokeApiKey(key.id(), "merchant:owner");
            return null;
        }));
        assertEquals(AccountsException.API_KEY_NOT_FOUND, again.errorCode());
    }

    @Test
    void aSuspendedMerchantsKeysStopWorking() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> MERCHANTS.createApiKey(merchant.id(), "", "merchant:owner"));
        inTransaction(() -> MERCHANTS.changeStatus(merchant.id(), Merchant.Status.SUSPENDED, "csm:anna"));
        assertTrue(inTransaction(() -> MERCHANTS.authenticate(key.secret())).isEmpty());
    }

    @Test
    void everyChangeIsAudited() throws Exception {
        Merchant merchant = activeMerchant();
        NewApiKey key = inTransaction(() -> MERCHANTS.createApiKey(merchant.id(), "k", "merchant:owner"));
        inTransaction(() -> {
            MERCHANTS.revokeApiKey(key.id(), "merchant:owner");
            return null;
        });
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT string_agg(action || ' by ' || actor, ', ' ORDER BY id) "
                     + "FROM accounts.audit_log WHERE object_type = 'merchant' AND object_id = '" + merchant.id() + "'")) {
            row.next();
            assertEquals("merchant.registered by admin:root, merchant.status_changed by admin:root, "
                    + "api_key.created by merchant:owner, api_key.revoked by merchant:owner", row.getString(1));
        }
    }

    @Test
    void badInputIsRefusedWithItsCodeAndChangesNothing() throws Exception {
        AccountsException blank = assertThrows(AccountsException.class, () -> inTransaction(() ->
                MERCHANTS.register(" ", Currency.getInstance("EUR"), "admin:root")));
        assertEquals(AccountsException.INVALID_MERCHANT, blank.errorCode());
        AccountsException missing = assertThrows(AccountsException.class, () -> inTransaction(() ->
                MERCHANTS.createApiKey(UUID.randomUUID(), "k", "admin:root")));
        assertEquals(AccountsException.MERCHANT_NOT_FOUND, missing.errorCode());
    }
}
