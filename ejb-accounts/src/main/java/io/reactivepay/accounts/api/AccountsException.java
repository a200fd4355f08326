package io.reactivepay.accounts.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;

/** A refusal by the accounts module; the caller's transaction is rolled back with it. */
public class AccountsException extends BusinessException {

    public static final ErrorCode MERCHANT_NOT_FOUND = ErrorCode.notFound("accounts.merchant_not_found");
    public static final ErrorCode API_KEY_NOT_FOUND = ErrorCode.notFound("accounts.api_key_not_found");
    public static final ErrorCode INVALID_MERCHANT = ErrorCode.invalid("accounts.invalid_merchant");
    public static final ErrorCode WEAK_PASSWORD = ErrorCode.invalid("accounts.weak_password");
    public static final ErrorCode INVALID_USERNAME = ErrorCode.invalid("accounts.invalid_username");
    public static final ErrorCode USERNAME_TAKEN = ErrorCode.conflict("accounts.username_taken");
    public static final ErrorCode INVALID_PERSONAL_DATA = ErrorCode.invalid("accounts.invalid_personal_data");
    public static final ErrorCode PROFILE_NOT_FOUND = ErrorCode.notFound("accounts.profile_not_found");
    public static final ErrorCode PROFILE_EXISTS = ErrorCode.conflict("accounts.profile_exists");
    public static final ErrorCode LIMIT_EXCEEDED = ErrorCode.refused("accounts.limit_exceeded");
    public static final ErrorCode INVALID_AMOUNT = ErrorCode.invalid("accounts.invalid_amount");
    public static final ErrorCode CURRENCY_NOT_SUPPORTED = ErrorCode.refused("accounts.currency_not_supported");
    public static final ErrorCode INVALID_DOCUMENT = ErrorCode.invalid("accounts.invalid_document");
    public static final ErrorCode DOCUMENT_NOT_FOUND = ErrorCode.notFound("accounts.document_not_found");
    public static final ErrorCode ALREADY_REVIEWED = ErrorCode.conflict("accounts.document_already_reviewed");
    public static final ErrorCode INVALID_BANK_ACCOUNT = ErrorCode.invalid("accounts.invalid_bank_account");
    public static final ErrorCode INVALID_PUBLIC_KEY = ErrorCode.invalid("accounts.invalid_public_key");
    public static final ErrorCode PUBLIC_KEY_EXISTS = ErrorCode.conflict("accounts.public_key_exists");
    public static final ErrorCode PUBLIC_KEY_NOT_FOUND = ErrorCode.notFound("accounts.public_key_not_found");
    public static final ErrorCode INVALID_WEBHOOK = ErrorCode.invalid("accounts.invalid_webhook");
    public static final ErrorCode INVALID_NETWORK = ErrorCode.invalid("accounts.invalid_network");
    public static final ErrorCode INVALID_ROLE = ErrorCode.invalid("accounts.invalid_role");
    public static final ErrorCode INVALID_TOTP = ErrorCode.invalid("accounts.invalid_totp");
    public static final ErrorCode TOTP_ALREADY_ENROLLED = ErrorCode.conflict("accounts.totp_already_enrolled");
    public static final ErrorCode USER_NOT_FOUND = ErrorCode.notFound("accounts.user_not_found");
    public static final ErrorCode SETTING_NOT_FOUND = ErrorCode.notFound("accounts.setting_not_found");
    public static final ErrorCode INVALID_SETTING = ErrorCode.invalid("accounts.invalid_setting");
    public static final ErrorCode FORBIDDEN = new ErrorCode("accounts.forbidden", ErrorCode.Kind.FORBIDDEN);

    public AccountsException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }
}
