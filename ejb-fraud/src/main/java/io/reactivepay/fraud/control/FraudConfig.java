package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.RateScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The fraud component's configuration ({@code reactivepay.fraud.*}); every key has a working default. */
@ApplicationScoped
public class FraudConfig {

    /** A limit of {@code hits} requests per fixed window of {@code seconds}. */
    public record RateLimit(int hits, int seconds) {

        static RateLimit parse(String text) {
            String[] parts = text.split("/");
            return new RateLimit(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
    }

    /** Base64 of the 256-bit key of the keyed hashes; the default only suits the embedded demo. */
    @Inject
    @ConfigProperty(name = "reactivepay.fraud.hash-key", defaultValue = "cmVhY3RpdmVwYXktZGVtby1mcmF1ZC1oYXNoLWtleS0yMDI2")
    String hashKey;

    @Inject
    @ConfigProperty(name = "reactivepay.fraud.rate-limit.ip", defaultValue = "600/60")
    String ipLimit;

    @Inject
    @ConfigProperty(name = "reactivepay.fraud.rate-limit.api-key", defaultValue = "3000/60")
    String apiKeyLimit;

    @Inject
    @ConfigProperty(name = "reactivepay.fraud.rate-limit.merchant", defaultValue = "6000/60")
    String merchantLimit;

    protected FraudConfig() {
        // for CDI
    }

    public FraudConfig(String hashKey, String ipLimit, String apiKeyLimit, String merchantLimit) {
        this.hashKey = hashKey;
        this.ipLimit = ipLimit;
        this.apiKeyLimit = apiKeyLimit;
        this.merchantLimit = merchantLimit;
    }

    public String hashKey() {
        return hashKey;
    }

    public Map<RateScope, RateLimit> rateLimits() {
        return Map.of(RateScope.IP, RateLimit.parse(ipLimit), RateScope.API_KEY, RateLimit.parse(apiKeyLimit),
                RateScope.MERCHANT, RateLimit.parse(merchantLimit));
    }
}
