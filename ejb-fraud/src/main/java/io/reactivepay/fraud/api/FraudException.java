package io.reactivepay.fraud.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;

/** A refusal by the fraud component; the caller's transaction is rolled back with it and nothing is recorded. */
public class FraudException extends BusinessException {

    public static final ErrorCode INVALID_REQUEST = ErrorCode.invalid("fraud.invalid_request");
    public static final ErrorCode INVALID_RULE = ErrorCode.invalid("fraud.invalid_rule");
    public static final ErrorCode INVALID_LIST_ENTRY = ErrorCode.invalid("fraud.invalid_list_entry");
    public static final ErrorCode LIST_ENTRY_EXISTS = ErrorCode.conflict("fraud.list_entry_exists");
    public static final ErrorCode LIST_ENTRY_NOT_FOUND = ErrorCode.notFound("fraud.list_entry_not_found");
    public static final ErrorCode SCREENING_NOT_FOUND = ErrorCode.notFound("fraud.screening_not_found");
    public static final ErrorCode NOT_HELD = ErrorCode.conflict("fraud.screening_not_held");
    public static final ErrorCode REFERENCE_CONFLICT = ErrorCode.conflict("fraud.reference_conflict");

    public FraudException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    static void require(boolean condition, ErrorCode code, String message) {
        if (!condition) {
            throw new FraudException(code, message);
        }
    }
}
