package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AccountsException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Reads a merchant's request-signing key: PEM SubjectPublicKeyInfo, RSA only, at least 2048 bits. */
public final class PublicKeys {

    static final int MIN_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    /** The key re-encoded as PEM, its size and the hex SHA-256 of its DER SubjectPublicKeyInfo. */
    public record Parsed(String pem, int bits, String fingerprint) {
    }

    private PublicKeys() {
    }

    public static Parsed parse(String pem) {
        String text = pem == null ? "" : pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw invalid("A key is a PEM block starting with " + BEGIN);
        }
        RSAPublicKey key;
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
            key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw invalid("The key is not an RSA public key");
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw invalid("An RSA key needs at least " + MIN_BITS + " bits, not " + bits);
        }
        byte[] spki = key.getEncoded();
        return new Parsed(BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki) + "\n" + END,
                bits, HexFormat.of().formatHex(sha256(spki)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static AccountsException invalid(String message) {
        return new AccountsException(AccountsException.INVALID_PUBLIC_KEY, message);
    }
}
