package io.reactivepay.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.platform.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** Verifies an RS256 JWT with the public key alone, as MP-JWT does, and returns its claims. */
    static JsonObject verified(String token, PublicKey key) throws Exception {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        JsonObject header = json(parts[0]);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "the signature verifies with the public key");
        return json(parts[1]);
    }

    private static JsonObject json(String base64url) {
        return Jsons.PROVIDER.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8))).readObject();
    }

    @Test
    void aTokenCarriesTheMicroProfileClaimsAndVerifiesWithThePublicKey() throws Exception {
        KeyPair keys = rsa(2048);
        TokenSigner signer = new TokenSigner(keys.getPrivate(), "reactivepay", Duration.ofMinutes(15));
        UUID customer = UUID.randomUUID();
        Instant now = Instant.ofEpochSecond(1_764_000_000);
        JsonObject claims = verified(signer.sign(customer, Set.of("customer"), now), keys.getPublic());
        assertEquals("reactivepay", claims.getString("iss"));
        assertEquals(customer.toString(), claims.getString("sub"));
        assertEquals(customer.toString(), claims.getString("upn"));
        assertEquals("customer", claims.getJsonArray("groups").getString(0));
        assertEquals(1_764_000_000L, claims.getJsonNumber("iat").longValue());
        assertEquals(1_764_000_900L, claims.getJsonNumber("exp").longValue());
        assertFalse(claims.getString("jti").isBlank());
    }

    @Test
    void aChangedClaimOrAnotherKeyFailsVerification() throws Exception {
        KeyPair keys = rsa(2048);
        String token = new TokenSigner(keys.getPrivate(), "reactivepay", Duration.ofMinutes(15))
                .sign(UUID.randomUUID(), Set.of("customer"), Instant.now());
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder()
                .decode(parts[1]), StandardCharsets.UTF_8).replace("\"customer\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + forged).getBytes(StandardCharsets.US_ASCII));
        assertFalse(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
        assertThrows(AssertionError.class, () -> verified(token, rsa(2048).getPublic()));
    }

    @Test
    void theKeyIsReadFromPemAndMustBeRsaOfAtLeast2048Bits() throws Exception {
        KeyPair keys = rsa(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertEquals(keys.getPrivate(), TokenSigner.privateKey(pem));
        assertThrows(IllegalArgumentException.class, () -> TokenSigner.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n"));
        assertThrows(IllegalArgumentException.class, () -> new TokenSigner(rsa(1024).getPrivate(), "reactivepay",
                Duration.ofMinutes(15)));
    }

    @Test
    void verifiesItsOwnCustomerTokensAndNothingElse() throws Exception {
        KeyPair keys = rsa(2048);
        TokenSigner signer = new TokenSigner(keys.getPrivate(), "reactivepay", Duration.ofMinutes(15));
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now();
        String token = signer.sign(customer, Set.of("customer"), now);

        assertEquals(java.util.Optional.of(customer), signer.verify(token, "customer", now));
        assertTrue(signer.verify(token, "customer", now.plus(Duration.ofMinutes(16))).isEmpty(), "expired");
        assertTrue(signer.verify(token, "staff", now).isEmpty(), "another group");
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(customer.toString(), UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8));
        assertTrue(signer.verify(parts[0] + "." + otherClaims + "." + parts[2], "customer", now).isEmpty(), "altered");
        TokenSigner stranger = new TokenSigner(rsa(2048).getPrivate(), "reactivepay", Duration.ofMinutes(15));
        assertTrue(stranger.verify(token, "customer", now).isEmpty(), "signed with another key");
        assertTrue(signer.verify("not.a.token", "customer", now).isEmpty());
        assertTrue(signer.verify("", "customer", now).isEmpty());
    }
}
