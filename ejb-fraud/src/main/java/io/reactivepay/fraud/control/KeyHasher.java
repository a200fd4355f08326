package io.reactivepay.fraud.control;

import io.reactivepay.platform.crypto.BlindIndex;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HexFormat;

/**
 * Keyed hashes of the parties screening counts and lists (e-mails, phones, IPs, card tokens...), so
 * the fraud schema holds no personal data in clear; equal values still meet in an index.
 */
@Dependent
public class KeyHasher {

    private final BlindIndex index;

    @Inject
    public KeyHasher(FraudConfig config) {
        this(config.hashKey());
    }

    public KeyHasher(byte[] key) {
        this.index = new BlindIndex(key);
    }

    public byte[] hash(String context, String normalisedValue) {
        return HexFormat.of().parseHex(index.of(normalisedValue, context));
    }

    public String hex(String context, String normalisedValue) {
        return index.of(normalisedValue, context);
    }
}
