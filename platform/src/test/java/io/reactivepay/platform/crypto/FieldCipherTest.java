package io.reactivepay.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] KEY_1 = bytes(1);
    private static final byte[] KEY_2 = bytes(2);

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    @Test
    void aValueDecryptsInItsContextAndNowhereElse() {
        FieldCipher cipher = new FieldCipher(Map.of(1, KEY_1), 1);
        String stored = cipher.encrypt("anna@example.com", "accounts.profile.email");
        assertTrue(stored.startsWith("v1:"));
        assertFalse(stored.contains("anna"));
        assertEquals("anna@example.com", cipher.decrypt(stored, "accounts.profile.email"));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(stored, "accounts.profile.phone"));
    }

    @Test
    void equalValuesEncryptDifferently() {
        FieldCipher cipher = new FieldCipher(Map.of(1, KEY_1), 1);
        assertNotEquals(cipher.encrypt("same", "c"), cipher.encrypt("same", "c"));
    }

    @Test
    void aTamperedValueIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of(1, KEY_1), 1);
        String stored = cipher.encrypt("4111111111111111", "vault.card.number");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(tampered, "vault.card.number"));
    }

    @Test
    void afterARotationOldValuesStillDecryptAndAreMarkedForReEncryption() {
        String old = new FieldCipher(Map.of(1, KEY_1), 1).encrypt("1990-04-01", "accounts.profile.birth_date");
        FieldCipher rotated = FieldCipher.fromSpec("1:" + Base64.getEncoder().encodeToString(KEY_1)
                + ",2:" + Base64.getEncoder().encodeToString(KEY_2), 2);
        assertEquals("1990-04-01", rotated.decrypt(old, "accounts.profile.birth_date"));
        assertTrue(rotated.needsRotation(old));
        String fresh = rotated.encrypt("1990-04-01", "accounts.profile.birth_date");
        assertTrue(fresh.startsWith("v2:"));
        assertFalse(rotated.needsRotation(fresh));
        assertThrows(IllegalArgumentException.class,
                () -> new FieldCipher(Map.of(1, KEY_1), 1).decrypt(fresh, "accounts.profile.birth_date"));
    }

    @Test
    void keysMustBe256BitsAndTheCurrentOneMustExist() {
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of(1, new byte[16]), 1));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of(1, KEY_1), 2));
    }

    @Test
    void theBlindIndexIsDeterministicKeyedAndContextBound() {
        BlindIndex index = new BlindIndex(KEY_1);
        assertEquals(index.of("anna@example.com", "email"), index.of("anna@example.com", "email"));
        assertNotEquals(index.of("anna@example.com", "email"), index.of("anna@example.com", "phone"));
        assertNotEquals(index.of("anna@example.com", "email"), new BlindIndex(KEY_2).of("anna@example.com", "email"));
        assertEquals(64, index.of("x", "email").length());
    }
}
