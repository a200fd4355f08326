package io.reactivepay.platform.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, machine-readable reason for a refusal, such as {@code ledger.insufficient_funds}.
 * <p>
 * Codes are part of the public contract: clients branch on them, so a code is never renamed or reused.
 * The {@link Kind} says what sort of refusal it is, which is all an edge (REST, JSF) needs to pick an
 * HTTP status or a message severity.
 */
public record ErrorCode(String code, Kind kind) {

    private static final Pattern FORMAT = Pattern.compile("[a-z]+(\\.[a-z0-9_]+)+");

    public enum Kind {
        /** The request itself is malformed or breaks a rule about its own content. */
        INVALID,
        /** Something the request names does not exist. */
        NOT_FOUND,
        /** The request conflicts with the current state (already exists, wrong state, key reused). */
        CONFLICT,
        /** The request is well-formed but refused by a business rule (funds, limits, fraud). */
        REFUSED,
        /** The caller is not allowed to do this. */
        FORBIDDEN,
        /** A dependency failed; the request may succeed later. */
        UNAVAILABLE
    }

    public ErrorCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("Error code must look like 'component.reason': " + code);
        }
    }

    public static ErrorCode invalid(String code) {
        return new ErrorCode(code, Kind.INVALID);
    }

    public static ErrorCode notFound(String code) {
        return new ErrorCode(code, Kind.NOT_FOUND);
    }

    public static ErrorCode conflict(String code) {
        return new ErrorCode(code, Kind.CONFLICT);
    }

    public static ErrorCode refused(String code) {
        return new ErrorCode(code, Kind.REFUSED);
    }
}
