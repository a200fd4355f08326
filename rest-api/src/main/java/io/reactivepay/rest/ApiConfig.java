package io.reactivepay.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The merchant API's configuration ({@code reactivepay.api.*}); rate limits are fraud's keys. */
@ApplicationScoped
public class ApiConfig {

    @Inject
    @ConfigProperty(name = "reactivepay.api.credential-cache-seconds", defaultValue = "5")
    int credentialCacheSeconds;

    @Inject
    @ConfigProperty(name = "reactivepay.api.signature.window-seconds", defaultValue = "300")
    int signatureWindowSeconds;

    @Inject
    @ConfigProperty(name = "reactivepay.api.signature.clock-skew-seconds", defaultValue = "5")
    int signatureClockSkewSeconds;

    @Inject
    @ConfigProperty(name = "reactivepay.api.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    /** How long an authenticated key, a merchant's public keys and source verdicts are remembered. */
    public Duration credentialCache() {
        return Duration.ofSeconds(credentialCacheSeconds);
    }

    public Duration signatureWindow() {
        return Duration.ofSeconds(signatureWindowSeconds);
    }

    public Duration signatureClockSkew() {
        return Duration.ofSeconds(signatureClockSkewSeconds);
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }
}
