package io.reactivepay.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of single values (personal data, document contents) under versioned keys.
 * <p>
 * A stored value reads {@code v<keyId>:<base64(iv || ciphertext || tag)>}: the key id travels with the
 * value, so a rotation adds a key, encrypts new values under it and re-encrypts old ones in the
 * background while both keep decrypting. The {@code context} (table and column) is authenticated as
 * associated data: a value copied into another column does not decrypt.
 */
public final class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<Integer, SecretKey> keys;
    private final int currentKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys         256-bit keys by id
     * @param currentKeyId the key new values are encrypted under
     */
    public FieldCipher(Map<Integer, byte[]> keys, int currentKeyId) {
        TreeMap<Integer, SecretKey> copy = new TreeMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("Key " + id + " must have 256 bits, not " + key.length * 8);
            }
            copy.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (!copy.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("No key with the current id " + currentKeyId);
        }
        this.keys = Map.copyOf(copy);
        this.currentKeyId = currentKeyId;
    }

    /**
     * Reads keys written as {@code id:base64key} separated by commas, e.g. {@code 1:q83v…,2:Zm9v…}.
     */
    public static FieldCipher fromSpec(String spec, int currentKeyId) {
        Map<Integer, byte[]> keys = new TreeMap<>();
        for (String part : spec.split(",")) {
            String[] idAndKey = part.trim().split(":", 2);
            if (idAndKey.length != 2) {
                throw new IllegalArgumentException("A key is written as id:base64key");
            }
            keys.put(Integer.parseInt(idAndKey[0]), Base64.getDecoder().decode(idAndKey[1]));
        }
        return new FieldCipher(keys, currentKeyId);
    }

    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return "v" + currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException if the value was tampered with, or belongs to another context */
    public String decrypt(String stored, String context) {
        int colon = stored.indexOf(':');
        if (!stored.startsWith("v") || colon < 2) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        SecretKey key = keys.get(Integer.parseInt(stored.substring(1, colon)));
        if (key == null) {
            throw new IllegalArgumentException("Encrypted under unknown key " + stored.substring(0, colon));
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Encrypted value was tampered with or belongs elsewhere", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The id of the key new values are encrypted under; stored values of other keys await rotation. */
    public int currentKeyId() {
        return currentKeyId;
    }

    /** Whether the value should be re-encrypted under the current key. */
    public boolean needsRotation(String stored) {
        return !stored.startsWith("v" + currentKeyId + ":");
    }
}
