package io.reactivepay.vault.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.crypto.FieldCipher;
import io.reactivepay.platform.money.Money;
import io.reactivepay.vault.api.CardAuthorisation;
import io.reactivepay.vault.api.StoredCard;
import io.reactivepay.vault.api.VaultException;
import io.reactivepay.vault.control.CardStore;
import io.reactivepay.vault.control.VaultConfig;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vault's real SQL and encryption on a real PostgreSQL. */
class CardVaultIT {

    private static final String KEY_1 = "1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = "2:" + Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());
    private static final CardVaultBean VAULT = vault(KEY_1);

    @BeforeAll
    static void database() throws Exception {
        TestDatabase.start("vault");
    }

    private static CardVaultBean vault(String keys) {
        CardVaultBean vault = new CardVaultBean();
        vault.dataSource = TestDatabase.DATA_SOURCE;
        vault.cards = new CardStore();
        vault.config = new VaultConfig(VaultConfig.cipherOf(keys, "", 0));
        return vault;
    }

    @Test
    void theNumberIsStoredOnlyEncryptedWithBinAndLastFourReadable() throws Exception {
        YearMonth expiry = YearMonth.now().plusYears(2);
        StoredCard card = inTransaction(() -> VAULT.tokenise("4242424242424242", expiry));
        assertEquals(new StoredCard(card.token(), "424242", "4242", expiry), card);
        assertEquals(card, inTransaction(() -> VAULT.find(card.token())).orElseThrow());

        String row = rowAsJson(card.token());
        assertFalse(row.contains("4242424242424242"), row);
        assertTrue(row.contains("\"number_encrypted\":\"v1:"), row);
        assertTrue(row.contains("\"bin\":\"424242\"") && row.contains("\"last_four\":\"4242\""), row);
    }

    @Test
    void refusesAnInvalidNumberOrAnExpiredCardAndStoresNothing() throws Exception {
        long before = count();
        VaultException luhn = assertThrows(VaultException.class,
                () -> inTransaction(() -> VAULT.tokenise("4242424242424241", YearMonth.now().plusYears(1))));
        assertEquals(VaultException.INVALID_CARD_NUMBER, luhn.errorCode());
        assertFalse(luhn.getMessage().contains("4242424242424241"), luhn.getMessage());
        VaultException expired = assertThrows(VaultException.class,
                () -> inTransaction(() -> VAULT.tokenise("4242424242424242", YearMonth.now().minusMonths(1))));
        assertEquals(VaultException.CARD_EXPIRED, expired.errorCode());
        assertEquals(before, count());
    }

    @Test
    void afterARotationOldCardsStillDecryptAndNewOnesUseTheNewKey() throws Exception {
        StoredCard old = inTransaction(() -> VAULT.tokenise("5555555555554444", YearMonth.now().plusYears(1)));
        CardVaultBean rotated = vault(KEY_1 + "," + KEY_2);
        StoredCard fresh = inTransaction(() -> rotated.tokenise("4000000000003220", YearMonth.now().plusYears(1)));
        assertTrue(rowAsJson(fresh.token()).contains("\"number_encrypted\":\"v2:"));
        FieldCipher cipher = rotated.config.cipher();
        try (Connection connection = TestDatabase.connect()) {
            assertEquals("5555555555554444", new CardStore().findWithNumber(connection, cipher, old.token())
                    .orElseThrow().number());
            assertEquals("4000000000003220", new CardStore().findWithNumber(connection, cipher, fresh.token())
                    .orElseThrow().number());
        }
    }

    @Test
    void anEncryptedNumberCopiedToAnotherCardDoesNotDecrypt() throws Exception {
        StoredCard first = inTransaction(() -> VAULT.tokenise("4242424242424242", YearMonth.now().plusYears(1)));
        StoredCard second = inTransaction(() -> VAULT.tokenise("5555555555554444", YearMonth.now().plusYears(1)));
        try (Connection connection = TestDatabase.connect()) {
            try (PreparedStatement copy = connection.prepareStatement("UPDATE vault.card SET number_encrypted = "
                    + "(SELECT number_encrypted FROM vault.card WHERE token = ?) WHERE token = ?")) {
                copy.setObject(1, first.token());
                copy.setObject(2, second.token());
                copy.executeUpdate();
            }
            assertThrows(IllegalArgumentException.class, () -> new CardStore()
                    .findWithNumber(connection, VAULT.config.cipher(), second.token()));
        }
    }

    @Test
    void anAuthorisationWithAMalformedSecurityCodeOrUnknownTokenIsRefusedBeforeTheAcquirer() {
        CardAuthorisation badCode = new CardAuthorisation(UUID.randomUUID(), "12", "r-1", Money.of(100, "EUR"),
                URI.create("http://shop.test"));
        assertEquals(VaultException.INVALID_SECURITY_CODE,
                assertThrows(VaultException.class, () -> VAULT.authorise(badCode)).errorCode());
        CardAuthorisation unknown = new CardAuthorisation(UUID.randomUUID(), "123", "r-2", Money.of(100, "EUR"),
                URI.create("http://shop.test"));
        assertEquals(VaultException.TOKEN_NOT_FOUND,
                assertThrows(VaultException.class, () -> inTransaction(() -> VAULT.authorise(unknown))).errorCode());
        CardAuthorisation printed = new CardAuthorisation(new UUID(0, 0), "987", "r-3", Money.of(100, "EUR"),
                URI.create("http://shop.test"));
        assertFalse(printed.toString().contains("987"), "the security code is never printed: " + printed);
    }

    private static String rowAsJson(UUID token) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement select = connection.prepareStatement("SELECT row_to_json(c)::text FROM vault.card c WHERE token = ?")) {
            select.setObject(1, token);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static long count() throws Exception {
        try (Connection connection = TestDatabase.connect();
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM vault.card")) {
            row.next();
            return row.getLong(1);
        }
    }
}
