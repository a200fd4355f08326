package io.reactivepay.rest.problem;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;
import java.util.Optional;

/**
 * A refusal by the API itself, before any module is called: the HTTP status is chosen here (some of
 * them, 401, 413, 415, 429, have no {@link ErrorCode.Kind}), the code is stable, {@link #field()} names
 * the request field, query parameter or header at fault.
 */
public class ApiException extends BusinessException {

    public static final ErrorCode MALFORMED_JSON = ErrorCode.invalid("api.malformed_json");
    public static final ErrorCode UNKNOWN_FIELD = ErrorCode.invalid("api.unknown_field");
    public static final ErrorCode MISSING_FIELD = ErrorCode.invalid("api.missing_field");
    public static final ErrorCode INVALID_FIELD = ErrorCode.invalid("api.invalid_field");
    public static final ErrorCode INVALID_AMOUNT = ErrorCode.invalid("api.invalid_amount");
    public static final ErrorCode INVALID_CURRENCY = ErrorCode.invalid("api.invalid_currency");
    public static final ErrorCode INVALID_PARAMETER = ErrorCode.invalid("api.invalid_parameter");
    public static final ErrorCode IDEMPOTENCY_KEY_MISSING = ErrorCode.invalid("api.idempotency_key_missing");
    public static final ErrorCode BODY_TOO_LARGE = ErrorCode.invalid("api.body_too_large");
    public static final ErrorCode NOT_FOUND = ErrorCode.notFound("api.not_found");
    public static final ErrorCode METHOD_NOT_ALLOWED = ErrorCode.invalid("api.method_not_allowed");
    public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.invalid("api.unsupported_media_type");
    public static final ErrorCode NOT_ACCEPTABLE = ErrorCode.invalid("api.not_acceptable");
    public static final ErrorCode BAD_REQUEST = ErrorCode.invalid("api.bad_request");
    public static final ErrorCode RATE_LIMITED = ErrorCode.refused("api.rate_limited");
    public static final ErrorCode INTERNAL_ERROR = new ErrorCode("api.internal_error", ErrorCode.Kind.UNAVAILABLE);
    public static final ErrorCode UNAUTHENTICATED = new ErrorCode("auth.unauthenticated", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SOURCE_NOT_ALLOWED = new ErrorCode("auth.source_not_allowed", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SIGNATURE_REQUIRED = new ErrorCode("auth.signature_required", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SIGNATURE_MALFORMED = new ErrorCode("auth.signature_malformed", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SIGNATURE_UNKNOWN_KEY = new ErrorCode("auth.signature_unknown_key", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SIGNATURE_EXPIRED = new ErrorCode("auth.signature_expired", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SIGNATURE_INVALID = new ErrorCode("auth.signature_invalid", ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode SIGNATURE_REPLAYED = new ErrorCode("auth.signature_replayed", ErrorCode.Kind.FORBIDDEN);

    private final int status;
    private final String field;

    public ApiException(int status, ErrorCode code, String field, String message) {
        super(code, message);
        this.status = status;
        this.field = field;
    }

    /** 400 naming the field. */
    public static ApiException invalid(ErrorCode code, String field, String message) {
        return new ApiException(400, code, field, message);
    }

    /** 401: no credential the API accepts; the message says which check failed, never the credential. */
    public static ApiException unauthenticated(ErrorCode code, String message) {
        return new ApiException(401, code, null, message);
    }

    public int status() {
        return status;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
