package io.reactivepay.wallet.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/** Makes six-digit codes and the salted hashes that are stored instead of them. */
@ApplicationScoped
public class CodeHasher {

    private final SecureRandom random = new SecureRandom();

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] hash(UUID challengeId, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(challengeId.toString().getBytes(StandardCharsets.US_ASCII));
            return sha256.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
