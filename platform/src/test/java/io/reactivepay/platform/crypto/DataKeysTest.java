package io.reactivepay.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataKeysTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().withoutPadding().encodeToString(filled(7));

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }

    private static DataKeys keys(Map<String, String> properties) {
        return DataKeys.from(name -> Optional.ofNullable(properties.get(name)));
    }

    @Test
    void theHighestKeyEncryptsUnlessAnotherIsActiveAndAllKeysStillDecrypt() {
        Map<String, String> both = Map.of(DataKeys.DATA_KEYS, "1:" + KEY_1 + ", 2:" + KEY_2,
                DataKeys.BLIND_INDEX_KEY, KEY_1);
        DataKeys latest = keys(both);
        String stored = latest.cipher().encrypt("anna@example.com", "c");
        assertTrue(stored.startsWith("v2:"));

        DataKeys pinned = keys(Map.of(DataKeys.DATA_KEYS, "1:" + KEY_1 + ",2:" + KEY_2, DataKeys.ACTIVE_KEY_ID, "1",
                DataKeys.BLIND_INDEX_KEY, KEY_1));
        assertTrue(pinned.cipher().encrypt("x", "c").startsWith("v1:"));
        assertEquals("anna@example.com", pinned.cipher().decrypt(stored, "c"));
        assertEquals(latest.blindIndex().of("a", "c"), pinned.blindIndex().of("a", "c"));
    }

    @Test
    void aMissingKeyIsRefusedWithAMessageThatNamesTheProperty() {
        IllegalStateException noKeys = assertThrows(IllegalStateException.class,
                () -> keys(Map.of(DataKeys.BLIND_INDEX_KEY, KEY_1)));
        assertTrue(noKeys.getMessage().contains("reactivepay.crypto.data-keys is not set"), noKeys.getMessage());
        IllegalStateException noIndexKey = assertThrows(IllegalStateException.class,
                () -> keys(Map.of(DataKeys.DATA_KEYS, "1:" + KEY_1)));
        assertTrue(noIndexKey.getMessage().contains("reactivepay.crypto.blind-index-key is not set"));
    }

    @Test
    void aShortKeyOrAnUnknownActiveIdIsRefusedWithoutShowingTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> keys(Map.of(
                DataKeys.DATA_KEYS, "1:" + shortKey, DataKeys.BLIND_INDEX_KEY, KEY_1)));
        assertFalse(tooShort.getMessage().contains(shortKey));
        assertThrows(IllegalStateException.class, () -> keys(Map.of(DataKeys.DATA_KEYS, "1:" + KEY_1,
                DataKeys.ACTIVE_KEY_ID, "3", DataKeys.BLIND_INDEX_KEY, KEY_1)));
    }

    @Test
    void theConverterEncryptsPerColumnAndKeepsNulls() {
        DataKeys keys = keys(Map.of(DataKeys.DATA_KEYS, "1:" + KEY_1, DataKeys.BLIND_INDEX_KEY, KEY_1));
        EncryptedStringConverter email = new EncryptedStringConverter("accounts.profile.email", keys.cipher()) { };
        EncryptedStringConverter phone = new EncryptedStringConverter("accounts.profile.phone", keys.cipher()) { };
        String stored = email.convertToDatabaseColumn("anna@example.com");
        assertFalse(stored.contains("anna"));
        assertEquals("anna@example.com", email.convertToEntityAttribute(stored));
        assertThrows(IllegalArgumentException.class, () -> phone.convertToEntityAttribute(stored));
        assertNull(email.convertToDatabaseColumn(null));
        assertNull(email.convertToEntityAttribute(null));
    }
}
