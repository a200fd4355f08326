package io.reactivepay.accounts.control;

import io.reactivepay.platform.concurrent.Expiring;
import io.reactivepay.platform.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs MicroProfile JWTs (RS256) with the system's private key: {@code iss}, {@code sub} and
 * {@code upn} (the subject), {@code groups}, {@code iat}, {@code exp}, {@code jti}, and a {@code kid}
 * naming the key by the SHA-256 of its public key, so verifiers can tell keys apart during a change.
 */
public final class TokenSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a verified token says that depends on nothing but the token itself. */
    private record Verified(UUID subject, long expiresAt, List<String> groups) {
    }

    /**
     * Tokens whose signature and issuer checked out, by the token itself, for as long as a token lives:
     * a customer's token comes back with each of their payments, and its RSA check (a third of a
     * millisecond of CPU) need not be repeated. Expiry and group are checked on every call.
     */
    private final Expiring<String, Verified> verified;

    private final RSAPrivateCrtKey key;
    private final PublicKey publicKey;
    private final String keyId;
    private final String issuer;
    private final Duration lifetime;

    public TokenSigner(PrivateKey key, String issuer, Duration lifetime) {
        if (!(key instanceof RSAPrivateCrtKey rsa) || rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("The token key must be an RSA private key of at least 2048 bits");
        }
        this.key = rsa;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.verified = new Expiring<>(lifetime, 20_000);
        try {
            this.publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Reads a PKCS#8 key, PEM ({@code BEGIN PRIVATE KEY}) or bare base64. */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 (BEGIN PRIVATE KEY)", e);
        }
    }

    public Instant expiry(Instant issuedAt) {
        return issuedAt.plus(lifetime);
    }

    public String sign(UUID subject, Set<String> groups, Instant now) {
        String header = Jsons.PROVIDER.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", keyId)
                .build().toString();
        JsonArrayBuilder groupArray = Jsons.PROVIDER.createArrayBuilder();
        groups.stream().sorted().forEach(groupArray::add);
        String claims = Jsons.PROVIDER.createObjectBuilder().add("iss", issuer).add("sub", subject.toString())
                .add("upn", subject.toString()).add("groups", groupArray).add("iat", now.getEpochSecond())
                .add("exp", expiry(now).getEpochSecond()).add("jti", UUID.randomUUID().toString()).build().toString();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is not available", e);
        }
    }

    /**
     * The subject of a token this signer issued, if its RS256 signature verifies with our public key, it
     * names our issuer, carries {@code group} and has not expired at {@code now}; empty otherwise.
     */
    public Optional<UUID> verify(String token, String group, Instant now) {
        return token == null ? Optional.empty() : verified.get(token, this::checked)
                .filter(known -> known.expiresAt() > now.getEpochSecond() && known.groups().contains(group))
                .map(Verified::subject);
    }

    /** The claims of a token whose RS256 signature verifies with our public key and that names our issuer. */
    private Optional<Verified> checked(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(publicKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            jakarta.json.JsonObject header = json(parts[0]);
            jakarta.json.JsonObject claims = json(parts[1]);
            if (!"RS256".equals(header.getString("alg", null)) || !issuer.equals(claims.getString("iss", null))
                    || !claims.containsKey("exp") || !claims.containsKey("groups")) {
                return Optional.empty();
            }
            return Optional.of(new Verified(UUID.fromString(claims.getString("sub")), claims.getJsonNumber("exp").longValueExact(),
                    claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).toList()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // a malformed token (bad base64, JSON or claim types) is simply not a valid one
            return Optional.empty();
        }
    }

    private static jakarta.json.JsonObject json(String base64url) {
        return Jsons.PROVIDER.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8))).readObject();
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
