package io.reactivepay.accounts.boundary;

import io.reactivepay.platform.crypto.DataKeys;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Fixed test keys: key 1 alone, or keys 1 and 2 with 2 active (a rotation). */
final class TestKeys {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(filled(11));
    private static final String KEY_2 = Base64.getEncoder().encodeToString(filled(22));
    private static final String INDEX_KEY = Base64.getEncoder().encodeToString(filled(33));

    private TestKeys() {
    }

    static DataKeys first() {
        return keys("1:" + KEY_1);
    }

    static DataKeys rotated() {
        return keys("1:" + KEY_1 + ",2:" + KEY_2);
    }

    private static DataKeys keys(String dataKeys) {
        Map<String, String> config = Map.of(DataKeys.DATA_KEYS, dataKeys, DataKeys.BLIND_INDEX_KEY, INDEX_KEY);
        return DataKeys.from(name -> Optional.ofNullable(config.get(name)));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
