package io.reactivepay.wallet.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;

public class WalletException extends BusinessException {

    public static final ErrorCode WALLET_EXISTS = ErrorCode.conflict("wallet.wallet_exists");
    public static final ErrorCode CODE_NOT_DELIVERED =
            new ErrorCode("wallet.code_not_delivered", ErrorCode.Kind.UNAVAILABLE);

    public WalletException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }
}
