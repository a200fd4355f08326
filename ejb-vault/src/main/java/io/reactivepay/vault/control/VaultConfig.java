package io.reactivepay.vault.control;

import io.reactivepay.platform.crypto.FieldCipher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The vault's keys, its own and no other module's: {@code reactivepay.vault.data-keys} lists them as
 * {@code <id>:<base64 of 32 bytes>} separated by commas, new numbers are encrypted under
 * {@code reactivepay.vault.current-key} (default: the highest id). When the list is empty it is read
 * from the file {@code reactivepay.vault.data-keys-file}, which the launcher generates on the embedded
 * default so that no key sits in the server's configuration.
 */
@ApplicationScoped
public class VaultConfig {

    @Inject
    @ConfigProperty(name = "reactivepay.vault.data-keys", defaultValue = " ")
    String dataKeys;

    @Inject
    @ConfigProperty(name = "reactivepay.vault.data-keys-file", defaultValue = " ")
    String dataKeysFile;

    @Inject
    @ConfigProperty(name = "reactivepay.vault.current-key", defaultValue = "0")
    int currentKey;

    private FieldCipher cipher;

    public VaultConfig() {
        // for CDI, which reads the keys after injecting the settings
    }

    /** With the keys given, as tests and tools make it. */
    public VaultConfig(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @PostConstruct
    void readKeys() {
        cipher = cipherOf(dataKeys, dataKeysFile, currentKey);
    }

    public FieldCipher cipher() {
        return cipher;
    }

    /** @param currentKey 0 for the highest key id */
    public static FieldCipher cipherOf(String keys, String keysFile, int currentKey) {
        String spec = keys == null ? "" : keys.strip();
        if (spec.isEmpty()) {
            if (keysFile == null || keysFile.isBlank()) {
                throw new IllegalStateException("The card vault has no keys: set reactivepay.vault.data-keys "
                        + "(or reactivepay.vault.data-keys-file)");
            }
            try {
                spec = Files.readString(Path.of(keysFile.strip())).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("The card vault's key file cannot be read: " + keysFile, e);
            }
        }
        int current = currentKey > 0 ? currentKey : Arrays.stream(spec.split(","))
                .mapToInt(part -> Integer.parseInt(part.strip().split(":", 2)[0])).max().orElseThrow();
        return FieldCipher.fromSpec(spec, current);
    }
}
