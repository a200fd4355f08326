package io.reactivepay.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merchants' request signatures, RSA-SHA256 (PKCS#1 v1.5) over four lines joined by {@code \n}:
 * the method in upper case, the path with its query exactly as sent, the {@code created} time in unix
 * seconds, and the lower-case hex SHA-256 of the body bytes (of nothing for an empty body). The header
 * reads {@code Signature: keyId="<hex SHA-256 of the key's DER SubjectPublicKeyInfo>",created=<unix
 * seconds>,signature="<base64>"}.
 * <p>
 * Pure functions, no state: whether a signature was seen before is the caller's question (replays are
 * stored per merchant for the window, across servers).
 */
public final class RequestSignature {

    private static final Pattern HEADER = Pattern.compile(
            "keyId=\"([0-9a-f]{64})\",created=([0-9]{1,12}),signature=\"([A-Za-z0-9+/]{1,2048}={0,2})\"");

    /** A parsed {@code Signature} header. */
    public record Header(String keyId, long created, byte[] signature) {
    }

    /** Why a signature does or does not verify; only {@link #VALID} lets a request through. */
    public enum Verdict {
        VALID,
        /** The header is not {@code keyId="…",created=…,signature="…"}. */
        MALFORMED,
        /** No active key of the merchant has this fingerprint. */
        UNKNOWN_KEY,
        /** Created longer ago than the window allows. */
        EXPIRED,
        /** Created later than now plus the allowed clock skew. */
        FROM_THE_FUTURE,
        /** The signature does not match the request under that key. */
        BAD_SIGNATURE
    }

    private RequestSignature() {
    }

    public static Optional<Header> parse(String value) {
        Matcher header = HEADER.matcher(value == null ? "" : value.strip());
        if (!header.matches() || header.group(3).length() % 4 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Header(header.group(1), Long.parseLong(header.group(2)),
                    Base64.getDecoder().decode(header.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The exact bytes that are signed. */
    public static byte[] signingString(String method, String pathWithQuery, long created, byte[] body) {
        return (method.toUpperCase(Locale.ROOT) + "\n" + pathWithQuery + "\n" + created + "\n" + sha256Hex(body))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks a request's signature header: its form, its age ({@code window} back, {@code skew} ahead of
     * {@code now}), the key (looked up by fingerprint among the merchant's active keys) and the signature.
     */
    public static Verdict verify(String headerValue, String method, String pathWithQuery, byte[] body,
                                 Function<String, Optional<PublicKey>> keys, Instant now, Duration window,
                                 Duration skew) {
        Optional<Header> parsed = parse(headerValue);
        if (parsed.isEmpty()) {
            return Verdict.MALFORMED;
        }
        Header header = parsed.get();
        long nowSeconds = now.getEpochSecond();
        if (header.created() < nowSeconds - window.toSeconds()) {
            return Verdict.EXPIRED;
        }
        if (header.created() > nowSeconds + skew.toSeconds()) {
            return Verdict.FROM_THE_FUTURE;
        }
        Optional<PublicKey> key = keys.apply(header.keyId());
        if (key.isEmpty()) {
            return Verdict.UNKNOWN_KEY;
        }
        return matches(key.get(), signingString(method, pathWithQuery, header.created(), body), header.signature())
                ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    static boolean matches(PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is missing from this JVM", e);
        }
    }

    /** An RSA public key from its PEM {@code BEGIN PUBLIC KEY} block. */
    public static PublicKey publicKey(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key", e);
        }
    }

    /** The key id of a public key: hex SHA-256 of its DER SubjectPublicKeyInfo. */
    public static String fingerprint(PublicKey key) {
        return sha256Hex(key.getEncoded());
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
