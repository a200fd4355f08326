package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.MerchantPublicKey;
import io.reactivepay.embedded.TestDatabase;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MerchantIntegrationIT {

    private static MerchantsBean merchants;
    private static MerchantIntegrationBean integration;

    @BeforeAll
    static void database() throws Exception {
        merchants = AccountsBeans.merchants(TestKeys.beforeRotation());
        integration = AccountsBeans.integration(TestKeys.beforeRotation());
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPublic();
    }

    private static void refused(String code, Executable call) {
        assertEquals(code, assertThrows(AccountsException.class, call).errorCode().code());
    }

    private static String merchantRow(UUID id) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT m::text FROM accounts.merchant m WHERE id = '" + id + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void rsaKeysAreRegisteredWithTheirSpkiFingerprintListedAndRevoked() throws Exception {
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        PublicKey key = rsa(2048);
        MerchantPublicKey added = inTransaction(() -> integration.addPublicKey(merchant.id(), pem(key), "merchant:owner"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())), added.fingerprint());
        assertEquals(2048, added.bits());
        refused("accounts.public_key_exists", () -> inTransaction(() ->
                integration.addPublicKey(merchant.id(), pem(key).replace("\n", "\r\n"), "merchant:owner")));

        inTransaction(() -> {
            integration.revokePublicKey(added.id(), "merchant:owner");
            return null;
        });
        List<MerchantPublicKey> listed = inTransaction(() -> integration.publicKeys(merchant.id()));
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).revokedAt().isPresent());
        refused("accounts.public_key_not_found", () -> inTransaction(() -> {
            integration.revokePublicKey(added.id(), "merchant:owner");
            return null;
        }));
        assertTrue(AccountsBeans.auditTrail("merchant", merchant.id()).endsWith(
                "merchant.public_key_added by merchant:owner, merchant.public_key_revoked by merchant:owner"));
    }

    @Test
    void shortNonRsaAndMalformedKeysAreRefusedAndStoreNothing() throws Exception {
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        for (String bad : List.of(pem(rsa(1024)), pem(ec.generateKeyPair().getPublic()), "not a key",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")) {
            refused("accounts.invalid_public_key", () -> inTransaction(() ->
                    integration.addPublicKey(merchant.id(), bad, "merchant:owner")));
        }
        AccountsException small = assertThrows(AccountsException.class, () -> inTransaction(() ->
                integration.addPublicKey(merchant.id(), pem(rsa(1024)), "merchant:owner")));
        assertTrue(small.getMessage().contains("2048"), small.getMessage());
        assertEquals(List.of(), inTransaction(() -> integration.publicKeys(merchant.id())));
        refused("accounts.merchant_not_found", () -> inTransaction(() ->
                integration.addPublicKey(UUID.randomUUID(), pem(rsa(2048)), "merchant:owner")));
    }

    @Test
    void aMerchantCanRequireSignedRequests() throws Exception {
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        assertFalse(merchant.requiresSignature());
        inTransaction(() -> {
            integration.requireSignedRequests(merchant.id(), true, "merchant:owner");
            return null;
        });
        assertTrue(inTransaction(() -> merchants.find(merchant.id())).orElseThrow().requiresSignature());
        assertTrue(AccountsBeans.auditTrail("merchant", merchant.id()).endsWith("merchant.signatures_required_changed by merchant:owner"));
    }

    @Test
    void webhookSecretsAreEncryptedAndBothSignDuringARotation() throws Exception {
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        String first = inTransaction(() -> integration.configureWebhook(merchant.id(), "https://shop.example/hooks", "merchant:owner"));
        assertEquals(List.of(first), inTransaction(() -> integration.webhook(merchant.id())).orElseThrow().secrets());
        String second = inTransaction(() -> integration.rotateWebhookSecret(merchant.id(), "merchant:owner"));
        assertEquals(List.of(second, first), inTransaction(() -> integration.webhook(merchant.id())).orElseThrow().secrets());
        String row = merchantRow(merchant.id());
        assertFalse(row.contains(first.substring(6)) || row.contains(second.substring(6)), row);
        inTransaction(() -> {
            integration.retirePreviousWebhookSecret(merchant.id(), "merchant:owner");
            return null;
        });
        assertEquals(List.of(second), inTransaction(() -> integration.webhook(merchant.id())).orElseThrow().secrets());
        assertEquals("https://shop.example/hooks", inTransaction(() -> integration.webhook(merchant.id())).orElseThrow().url());

        inTransaction(() -> integration.configureWebhook(merchant.id(), "http://localhost:8080/hooks", "merchant:owner"));
        for (String bad : List.of("http://shop.example/hooks", "ftp://shop.example/", "https://user:pw@shop.example/",
                "https:///nohost", "not a url")) {
            refused("accounts.invalid_webhook", () -> inTransaction(() ->
                    integration.configureWebhook(merchant.id(), bad, "merchant:owner")));
        }
        assertEquals("http://localhost:8080/hooks", inTransaction(() -> integration.webhook(merchant.id())).orElseThrow().url());
        Merchant without = AccountsBeans.activeMerchant(merchants);
        refused("accounts.invalid_webhook", () -> inTransaction(() -> integration.rotateWebhookSecret(without.id(), "x:y")));
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet audit = sql.executeQuery("SELECT string_agg(details::text, ' ') FROM accounts.audit_log "
                     + "WHERE object_id = '" + merchant.id() + "'")) {
            audit.next();
            assertFalse(audit.getString(1).contains(first) || audit.getString(1).contains(second), "no secret audited");
        }
    }

    @Test
    void allowedNetworksLimitWhereRequestsComeFrom() throws Exception {
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        assertTrue(inTransaction(() -> integration.isAllowedSource(merchant.id(), "192.0.2.1")), "no list allows any");
        inTransaction(() -> {
            integration.allowNetworks(merchant.id(), List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7"), "admin:root");
            return null;
        });
        for (String allowed : List.of("203.0.113.9", "198.51.100.7", "2001:db8::1")) {
            assertTrue(inTransaction(() -> integration.isAllowedSource(merchant.id(), allowed)), allowed);
        }
        for (String refused : List.of("198.51.100.8", "192.0.2.1", "2001:db9::1", "not-an-ip", "localhost")) {
            assertFalse(inTransaction(() -> integration.isAllowedSource(merchant.id(), refused)), refused);
        }
        assertEquals(List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"),
                inTransaction(() -> merchants.details(merchant.id())).orElseThrow().allowedNetworks());
        for (String bad : List.of("10.0.0.1/24", "example.com", "10.0.0.0/33", "300.1.1.1")) {
            refused("accounts.invalid_network", () -> inTransaction(() -> {
                integration.allowNetworks(merchant.id(), List.of("10.0.0.0/8", bad), "admin:root");
                return null;
            }));
        }
        assertFalse(inTransaction(() -> integration.isAllowedSource(merchant.id(), "10.1.2.3")), "the bad lists changed nothing");
    }
}
