package io.reactivepay.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a normalised value, stored next to its encrypted form so that
 * "find the profile with this e-mail" is an indexed equality lookup without decrypting anything.
 * Without the key, the index reveals nothing beyond equality.
 */
public final class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A blind-index key has at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The index of a value in a context (e.g. {@code accounts.profile.email}); equal inputs, equal index. */
    public String of(String normalisedValue, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
