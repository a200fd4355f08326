package io.reactivepay.accounts.boundary;

import io.reactivepay.platform.crypto.DataKeys;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed test keys 1 and 2, as every instance has them during a rotation: before it new values are
 * encrypted under key 1, after it under key 2. Both read either, so test classes in one JVM share data.
 */
final class TestKeys {

    /** Key 1 in base64, which no copy of the database may show. */
    static final String KEY_1 = Base64.getEncoder().encodeToString(filled(11));
    private static final String KEY_2 = Base64.getEncoder().encodeToString(filled(22));
    private static final String INDEX_KEY = Base64.getEncoder().encodeToString(filled(33));

    private TestKeys() {
    }

    static DataKeys beforeRotation() {
        return keys(1);
    }

    static DataKeys afterRotation() {
        return keys(2);
    }

    private static DataKeys keys(int active) {
        Map<String, String> config = Map.of(DataKeys.DATA_KEYS, "1:" + KEY_1 + ",2:" + KEY_2,
                DataKeys.ACTIVE_KEY_ID, String.valueOf(active), DataKeys.BLIND_INDEX_KEY, INDEX_KEY);
        return DataKeys.from(name -> Optional.ofNullable(config.get(name)));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
