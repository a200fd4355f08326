package io.reactivepay.ledger.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;

/** A refusal by the ledger; the caller's transaction is rolled back with it and nothing is recorded. */
public class LedgerException extends BusinessException {

    public static final ErrorCode ACCOUNT_EXISTS = ErrorCode.conflict("ledger.account_exists");
    public static final ErrorCode ACCOUNT_NOT_FOUND = ErrorCode.notFound("ledger.account_not_found");
    public static final ErrorCode ACCOUNT_FROZEN = ErrorCode.refused("ledger.account_frozen");
    public static final ErrorCode ACCOUNT_CLOSED = ErrorCode.refused("ledger.account_closed");
    public static final ErrorCode INVALID_ENTRY = ErrorCode.invalid("ledger.invalid_entry");
    public static final ErrorCode INVALID_REQUEST = ErrorCode.invalid("ledger.invalid_request");
    public static final ErrorCode CURRENCY_MISMATCH = ErrorCode.invalid("ledger.currency_mismatch");
    public static final ErrorCode INSUFFICIENT_FUNDS = ErrorCode.refused("ledger.insufficient_funds");
    public static final ErrorCode IDEMPOTENCY_CONFLICT = ErrorCode.conflict("ledger.idempotency_key_reused");
    public static final ErrorCode ENTRY_NOT_FOUND = ErrorCode.notFound("ledger.entry_not_found");
    public static final ErrorCode ALREADY_REVERSED = ErrorCode.conflict("ledger.already_reversed");
    public static final ErrorCode HOLD_NOT_FOUND = ErrorCode.notFound("ledger.hold_not_found");
    public static final ErrorCode HOLD_NOT_PENDING = ErrorCode.conflict("ledger.hold_not_pending");
    public static final ErrorCode HOLD_EXPIRED = ErrorCode.conflict("ledger.hold_expired");
    public static final ErrorCode CAPTURE_EXCEEDS_HOLD = ErrorCode.invalid("ledger.capture_exceeds_hold");

    public LedgerException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }
}
