package io.reactivepay.ledger.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;

/** A refusal by the ledger; the caller's transaction is rolled back with it. */
public class LedgerException extends BusinessException {

    public static final ErrorCode ACCOUNT_EXISTS = ErrorCode.conflict("ledger.account_exists");

    public LedgerException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }
}
