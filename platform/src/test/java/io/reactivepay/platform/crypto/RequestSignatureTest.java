package io.reactivepay.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.platform.crypto.RequestSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.ofEpochSecond(1_764_000_000L);
    private static final KeyPair KEYS = keyPair();
    private static final String KEY_ID = RequestSignature.fingerprint(KEYS.getPublic());
    private static final byte[] BODY = "{\"amount\":\"12.34\",\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSigningStringIsMethodPathCreatedAndBodyDigestOnFourLines() {
        assertEquals("POST\n/api/v1/payments?x=1\n1764000000\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                new String(RequestSignature.signingString("post", "/api/v1/payments?x=1", 1_764_000_000L, new byte[0]),
                        StandardCharsets.UTF_8));
    }

    @Test
    void aSignatureOverTheRequestVerifies() throws Exception {
        assertEquals(Verdict.VALID, verify(header(NOW.getEpochSecond(), "POST", "/api/v1/payments", BODY),
                "POST", "/api/v1/payments", BODY));
    }

    @Test
    void anyChangeToMethodPathQueryOrBodyBreaksIt() throws Exception {
        String header = header(NOW.getEpochSecond(), "POST", "/api/v1/payments?limit=1", BODY);
        assertEquals(Verdict.BAD_SIGNATURE, verify(header, "PUT", "/api/v1/payments?limit=1", BODY));
        assertEquals(Verdict.BAD_SIGNATURE, verify(header, "POST", "/api/v1/payments?limit=2", BODY));
        assertEquals(Verdict.BAD_SIGNATURE, verify(header, "POST", "/api/v1/payments", BODY));
        assertEquals(Verdict.BAD_SIGNATURE, verify(header, "POST", "/api/v1/payments?limit=1",
                "{\"amount\":\"99.34\",\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oldAndFutureSignaturesAreRefusedBeforeAnyKeyIsLookedUp() throws Exception {
        long tooOld = NOW.minus(WINDOW).getEpochSecond() - 1;
        assertEquals(Verdict.EXPIRED, verify(header(tooOld, "GET", "/p", new byte[0]), "GET", "/p", new byte[0]));
        long edge = NOW.minus(WINDOW).getEpochSecond();
        assertEquals(Verdict.VALID, verify(header(edge, "GET", "/p", new byte[0]), "GET", "/p", new byte[0]));
        long future = NOW.plus(SKEW).getEpochSecond() + 1;
        assertEquals(Verdict.FROM_THE_FUTURE, verify(header(future, "GET", "/p", new byte[0]), "GET", "/p", new byte[0]));
    }

    @Test
    void anotherKeyOrAnUnknownKeyIdDoesNotVerify() throws Exception {
        KeyPair other = keyPair();
        String signedByOther = "keyId=\"" + KEY_ID + "\",created=" + NOW.getEpochSecond() + ",signature=\""
                + sign(other, RequestSignature.signingString("GET", "/p", NOW.getEpochSecond(), new byte[0])) + "\"";
        assertEquals(Verdict.BAD_SIGNATURE, verify(signedByOther, "GET", "/p", new byte[0]));
        String unknownId = header(NOW.getEpochSecond(), "GET", "/p", new byte[0]).replace(KEY_ID, "0".repeat(64));
        assertEquals(Verdict.UNKNOWN_KEY, verify(unknownId, "GET", "/p", new byte[0]));
    }

    @Test
    void malformedHeadersAreMalformed() {
        for (String value : new String[] {null, "", "garbage", "keyId=\"abc\",created=1,signature=\"AAAA\"",
                "keyId=\"" + KEY_ID + "\",created=-1,signature=\"AAAA\"",
                "keyId=\"" + KEY_ID + "\",created=1,signature=\"not base64!\"",
                "keyId=\"" + KEY_ID + "\",created=1,signature=\"AAA\"",
                "signature=\"AAAA\",keyId=\"" + KEY_ID + "\",created=1"}) {
            assertEquals(Verdict.MALFORMED, verify(value, "GET", "/p", new byte[0]), String.valueOf(value));
        }
    }

    @Test
    void theFingerprintOfAPemKeyIsTheKeyId() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        PublicKey parsed = RequestSignature.publicKey(pem);
        assertEquals(KEY_ID, RequestSignature.fingerprint(parsed));
        assertTrue(KEY_ID.matches("[0-9a-f]{64}"));
    }

    private static Verdict verify(String header, String method, String path, byte[] body) {
        return RequestSignature.verify(header, method, path, body,
                id -> id.equals(KEY_ID) ? Optional.of(KEYS.getPublic()) : Optional.empty(), NOW, WINDOW, SKEW);
    }

    private static String header(long created, String method, String path, byte[] body) throws Exception {
        return "keyId=\"" + KEY_ID + "\",created=" + created + ",signature=\""
                + sign(KEYS, RequestSignature.signingString(method, path, created, body)) + "\"";
    }

    static String sign(KeyPair keys, byte[] data) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(data);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
