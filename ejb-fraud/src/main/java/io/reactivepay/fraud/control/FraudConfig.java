package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.RateScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    static final String HASH_KEY = "reactivepay.fraud.hash-key";
    static final String BLIND_INDEX_KEY = "reactivepay.crypto.blind-index-key";

    /**
     * Base64 of at least 256 bits, the key of the fraud schema's keyed hashes. Unset (blank), it is
     * derived from {@code reactivepay.crypto.blind-index-key}, which every deployment must set and the
     * launcher generates; neither set stops the deployment. Never rotated: every stored hash depends on it.
     */
    @Inject
    @ConfigProperty(name = HASH_KEY, defaultValue = " ")
    String hashKey;

    @Inject
    @ConfigProperty(name = BLIND_INDEX_KEY, defaultValue = " ")
    String blindIndexKey;

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
        this.blindIndexKey = " ";
        this.ipLimit = ipLimit;
        this.apiKeyLimit = apiKeyLimit;
        this.merchantLimit = merchantLimit;
    }

    /** The hash key's bytes: the configured key, or one derived from the blind-index key; neither is an error. */
    public byte[] hashKey() {
        return hashKey(hashKey, blindIndexKey);
    }

    static byte[] hashKey(String hashKey, String blindIndexKey) {
        if (hashKey != null && !hashKey.isBlank()) {
            return Base64.getDecoder().decode(hashKey.strip());
        }
        if (blindIndexKey == null || blindIndexKey.isBlank()) {
            throw new IllegalStateException("Neither " + HASH_KEY + " nor " + BLIND_INDEX_KEY + " is set (base64 of at least "
                    + "32 random bytes); fraud screening cannot hash parties without one. Generate a key with: "
                    + "head -c 32 /dev/urandom | base64");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(blindIndexKey.strip()), "HmacSHA256"));
            return mac.doFinal(HASH_KEY.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public Map<RateScope, RateLimit> rateLimits() {
        return Map.of(RateScope.IP, RateLimit.parse(ipLimit), RateScope.API_KEY, RateLimit.parse(apiKeyLimit),
                RateScope.MERCHANT, RateLimit.parse(merchantLimit));
    }
}
