package io.reactivepay.accounts.control;

import io.reactivepay.platform.crypto.DataKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The module's configuration, read once. Keys have no defaults ({@link DataKeys} for the data keys;
 * {@value #TOKEN_KEY} for the token key): a key shipped with the code would protect nothing, so a
 * missing one stops the deployment with a message naming the property.
 */
@ApplicationScoped
public class AccountsConfig {

    /** A file holding the PKCS#8 PEM RSA private key (2048 bits or more) that signs customers' JWTs. */
    public static final String TOKEN_KEY = "reactivepay.jwt.private-key-location";
    /** The JWTs' {@code iss}; default {@code reactivepay} (the verifier's {@code mp.jwt.verify.issuer}). */
    public static final String TOKEN_ISSUER = "reactivepay.jwt.issuer";
    /** How long a customer's JWT is valid; default 15. */
    public static final String TOKEN_MINUTES = "reactivepay.jwt.token-minutes";

    @Produces
    @Singleton
    DataKeys keys() {
        return DataKeys.fromConfig();
    }

    @Produces
    @Singleton
    TokenSigner tokenSigner() {
        Config config = ConfigProvider.getConfig();
        Path location = config.getOptionalValue(TOKEN_KEY, String.class).map(Path::of).orElseThrow(() ->
                new IllegalStateException("The configuration property " + TOKEN_KEY + " is not set: a file with the RSA "
                        + "private key (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) that signs JWTs"));
        try {
            return new TokenSigner(TokenSigner.privateKey(Files.readString(location)),
                    config.getOptionalValue(TOKEN_ISSUER, String.class).orElse("reactivepay"),
                    Duration.ofMinutes(config.getOptionalValue(TOKEN_MINUTES, Integer.class).orElse(15)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The token key in " + location + " (" + TOKEN_KEY + ") cannot be used: "
                    + e.getMessage(), e);
        }
    }
}
