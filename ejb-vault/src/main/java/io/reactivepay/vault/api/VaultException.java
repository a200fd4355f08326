package io.reactivepay.vault.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;

/** A refusal by the card vault. Its message never holds a card number or security code. */
public class VaultException extends BusinessException {

    public static final ErrorCode INVALID_CARD_NUMBER = ErrorCode.invalid("vault.invalid_card_number");
    public static final ErrorCode CARD_EXPIRED = ErrorCode.invalid("vault.card_expired");
    public static final ErrorCode INVALID_SECURITY_CODE = ErrorCode.invalid("vault.invalid_security_code");
    public static final ErrorCode TOKEN_NOT_FOUND = ErrorCode.notFound("vault.token_not_found");

    public VaultException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }
}
