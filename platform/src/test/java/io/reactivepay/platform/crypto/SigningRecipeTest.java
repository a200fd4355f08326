package io.reactivepay.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.platform.crypto.RequestSignature.Verdict;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing recipe of the README, run as a merchant would run it: the shell block between the
 * {@code signing-recipe} markers, with {@code openssl}, must produce a header this code verifies. On a
 * machine without openssl the same steps run on the JDK's crypto instead.
 */
class SigningRecipeTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeRecipeProducesASignatureThatVerifies(@TempDir Path dir) throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("```sh", readme.indexOf("<!-- signing-recipe:start -->"));
        int end = readme.indexOf("```", start + 5);
        assertTrue(start > 0 && end > start, "the README has the signing recipe between its markers");
        String recipe = readme.substring(start + 5, end);
        assertTrue(recipe.contains("openssl dgst -sha256 -sign"), recipe);

        String header;
        String method;
        String path;
        byte[] body;
        PublicKey key;
        if (onPath("openssl")) {
            Files.writeString(dir.resolve("recipe.sh"), recipe
                    + "\nprintf '%s' \"$METHOD\" > t-method; printf '%s' \"$PATH_AND_QUERY\" > t-path; printf '%s' \"$BODY\" > t-body\n");
            Process process = new ProcessBuilder("bash", "-euo", "pipefail", "recipe.sh").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            String[] lines = output.strip().split("\n");
            header = lines[lines.length - 1];
            method = Files.readString(dir.resolve("t-method"));
            path = Files.readString(dir.resolve("t-path"));
            body = Files.readAllBytes(dir.resolve("t-body"));
            key = RequestSignature.publicKey(Files.readString(dir.resolve("merchant.pub")));
        } else {
            KeyPair keys = RequestSignatureTest.keyPair();
            method = "POST";
            path = "/api/v1/payments";
            body = "{\"amount\":\"12.34\"}".getBytes(StandardCharsets.UTF_8);
            long created = Instant.now().getEpochSecond();
            header = "Signature: keyId=\"" + RequestSignature.fingerprint(keys.getPublic()) + "\",created=" + created
                    + ",signature=\"" + RequestSignatureTest.sign(keys, RequestSignature.signingString(method, path, created, body)) + "\"";
            key = keys.getPublic();
        }
        assertTrue(header.startsWith("Signature: "), header);
        String value = header.substring("Signature: ".length());
        String keyId = RequestSignature.fingerprint(key);
        assertEquals(Verdict.VALID, RequestSignature.verify(value, method, path, body,
                id -> id.equals(keyId) ? Optional.of(key) : Optional.empty(), Instant.now(), Duration.ofMinutes(5),
                Duration.ofSeconds(5)));
        assertEquals(Verdict.BAD_SIGNATURE, RequestSignature.verify(value, method, path,
                (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8),
                id -> id.equals(keyId) ? Optional.of(key) : Optional.empty(), Instant.now(), Duration.ofMinutes(5),
                Duration.ofSeconds(5)));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
