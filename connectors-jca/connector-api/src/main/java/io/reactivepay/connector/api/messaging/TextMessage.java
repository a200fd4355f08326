package io.reactivepay.connector.api.messaging;

import java.util.regex.Pattern;

/** A text message to one phone number in E.164 form (+ and up to 15 digits). */
public record TextMessage(String to, String body) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public TextMessage {
        if (to == null || !E164.matcher(to).matches()) {
            throw new IllegalArgumentException("Phone number must be in E.164 form, e.g. +4915112345678");
        }
        if (body == null || body.isBlank() || body.length() > 480) {
            throw new IllegalArgumentException("Message body must have 1 to 480 characters");
        }
    }

    /** The number with all but the last three digits hidden, for logs. */
    public String maskedRecipient() {
        return to.substring(0, 3) + "*".repeat(to.length() - 6) + to.substring(to.length() - 3);
    }
}
