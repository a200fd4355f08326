package io.reactivepay.platform.crypto;

import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data keys of this installation, from MicroProfile Config. There is deliberately no default: a
 * key shipped in code would protect nothing, so a missing key stops the deployment with a message
 * that says what to set. The embedded default generates its own keys on first start.
 *
 * @param cipher     encrypts new values under {@value #ACTIVE_KEY_ID} and still reads all others
 * @param blindIndex keyed hashes for equality lookups of encrypted values
 */
public record DataKeys(FieldCipher cipher, BlindIndex blindIndex) {

    /** {@code id:base64key} pairs separated by commas, each key 256 bits. */
    public static final String DATA_KEYS = "reactivepay.crypto.data-keys";
    /** The key new values are encrypted under; the highest id when unset. */
    public static final String ACTIVE_KEY_ID = "reactivepay.crypto.active-key-id";
    /** Base64, at least 256 bits; never rotated, since every stored index depends on it. */
    public static final String BLIND_INDEX_KEY = "reactivepay.crypto.blind-index-key";

    public static DataKeys fromConfig() {
        Config config = ConfigProvider.getConfig();
        return from(key -> config.getOptionalValue(key, String.class));
    }

    /** @throws IllegalStateException naming the property that is missing or malformed */
    public static DataKeys from(Function<String, Optional<String>> property) {
        String keys = required(property, DATA_KEYS, "e.g. 1:<base64 of 32 random bytes>");
        String blindKey = required(property, BLIND_INDEX_KEY, "base64 of at least 32 random bytes");
        try {
            int active = property.apply(ACTIVE_KEY_ID).map(String::trim).map(Integer::valueOf)
                    .orElseGet(() -> highestId(keys));
            return new DataKeys(FieldCipher.fromSpec(keys, active), new BlindIndex(Base64.getDecoder().decode(blindKey.trim())));
        } catch (IllegalArgumentException e) {
            // the message never contains key material: FieldCipher and BlindIndex only name ids and lengths
            throw new IllegalStateException("The data keys are misconfigured (" + DATA_KEYS + ", " + ACTIVE_KEY_ID + ", "
                    + BLIND_INDEX_KEY + "): " + e.getMessage(), e);
        }
    }

    private static String required(Function<String, Optional<String>> property, String name, String form) {
        return property.apply(name).filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "The configuration property " + name + " is not set (" + form + "); personal data cannot be stored "
                        + "without it. Generate a key with: head -c 32 /dev/urandom | base64"));
    }

    private static int highestId(String keys) {
        int highest = Integer.MIN_VALUE;
        for (String part : keys.split(",")) {
            highest = Math.max(highest, Integer.parseInt(part.trim().split(":", 2)[0]));
        }
        return highest;
    }
}
