package io.reactivepay.platform.crypto;

import jakarta.persistence.AttributeConverter;

/**
 * Encrypts one entity attribute with {@link FieldCipher}. A subclass per column names the context
 * (e.g. {@code payments.card.pan}) that is authenticated with each value, so a value copied into
 * another column does not decrypt:
 * <pre>{@code
 * @Converter
 * public class PanConverter extends EncryptedStringConverter {
 *     public PanConverter() { super("payments.card.pan"); }
 * }
 * }</pre>
 * The keys come from {@link DataKeys#fromConfig()}, read once on first use.
 */
public abstract class EncryptedStringConverter implements AttributeConverter<String, String> {

    private static volatile FieldCipher configured;

    private final String context;
    private final FieldCipher cipher;

    protected EncryptedStringConverter(String context) {
        this(context, null);
    }

    /** With the given cipher instead of the configured keys (tests, tools). */
    protected EncryptedStringConverter(String context, FieldCipher cipher) {
        this.context = context;
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return attribute == null ? null : cipher().encrypt(attribute, context);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher().decrypt(stored, context);
    }

    private FieldCipher cipher() {
        if (cipher != null) {
            return cipher;
        }
        FieldCipher shared = configured;
        if (shared == null) {
            shared = DataKeys.fromConfig().cipher();
            configured = shared;
        }
        return shared;
    }
}
