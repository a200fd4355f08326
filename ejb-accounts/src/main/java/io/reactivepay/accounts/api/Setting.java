package io.reactivepay.accounts.api;

/** One system setting; {@code type} says how {@code value} is to be read. */
public record Setting(String key, Type type, String value, String description) {

    /** MONEY reads {@code "150.00 EUR"}. */
    public enum Type { INTEGER, BOOLEAN, TEXT, MONEY }
}
