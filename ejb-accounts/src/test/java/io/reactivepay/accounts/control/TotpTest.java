package io.reactivepay.accounts.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1: the seed "12345678901234567890", in base32. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfcTestVectorsInTheirLastSixDigits() {
        assertEquals("287082", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1_111_111_109))));
        assertEquals("005924", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1_234_567_890))));
        assertEquals("279037", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2_000_000_000))));
        assertArrayEquals(SEED, Totp.decode(SEED_BASE32));
    }

    @Test
    void oneStepOfDriftIsAcceptedButNotTwoNorAReplay() {
        Instant now = Instant.ofEpochSecond(1_111_111_109);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step), Totp.verify(SEED_BASE32, "081804", now, 0));
        assertEquals(OptionalLong.of(step), Totp.verify(SEED_BASE32, "081804", now.plusSeconds(30), 0), "a step late");
        assertEquals(OptionalLong.of(step), Totp.verify(SEED_BASE32, "081804", now.minusSeconds(30), 0), "a step early");
        assertTrue(Totp.verify(SEED_BASE32, "081804", now.plusSeconds(60), 0).isEmpty(), "two steps late");
        assertTrue(Totp.verify(SEED_BASE32, "081804", now, step).isEmpty(), "the step was used");
        assertTrue(Totp.verify(SEED_BASE32, "81804", now, 0).isEmpty());
        assertTrue(Totp.verify(SEED_BASE32, null, now, 0).isEmpty());
    }

    @Test
    void newSecretsAre160BitsOfBase32() {
        String secret = Totp.newSecret();
        assertEquals(32, secret.length());
        assertEquals(20, Totp.decode(secret).length);
        assertTrue(Totp.uri("ReactivePay", "root admin", secret).startsWith("otpauth://totp/ReactivePay%3Aroot%20admin?secret="));
    }
}
