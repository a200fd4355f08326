package io.reactivepay.fraud.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FraudConfigTest {

    private static final String BLIND = Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());
    private static final String OWN = Base64.getEncoder().encodeToString("fraud-hash-key-of-at-least-32-by".getBytes());

    @Test
    void withoutAnyKeyTheDeploymentStopsNamingBoth() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> FraudConfig.hashKey(" ", " "));
        assertTrue(missing.getMessage().contains("reactivepay.fraud.hash-key")
                && missing.getMessage().contains("reactivepay.crypto.blind-index-key"), missing.getMessage());
    }

    @Test
    void aConfiguredKeyWinsOtherwiseOneIsDerivedFromTheBlindIndexKey() {
        assertArrayEquals(Base64.getDecoder().decode(OWN), FraudConfig.hashKey(OWN, BLIND));
        byte[] derived = FraudConfig.hashKey(" ", BLIND);
        assertEquals(32, derived.length);
        assertArrayEquals(derived, FraudConfig.hashKey(null, BLIND), "the same on every server");
        assertFalse(Arrays.equals(Base64.getDecoder().decode(BLIND), derived), "not the blind-index key itself");
    }
}
