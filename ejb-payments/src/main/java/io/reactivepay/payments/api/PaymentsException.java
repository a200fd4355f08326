package io.reactivepay.payments.api;

import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;
import java.util.Optional;

/**
 * A refusal by the payments module; the caller's transaction is rolled back with it and nothing is
 * recorded. {@link #field()} names the request field at fault when there is one, so the API can say
 * which.
 */
public class PaymentsException extends BusinessException {

    public static final ErrorCode INVALID_REQUEST = ErrorCode.invalid("payments.invalid_request");
    public static final ErrorCode PAYMENT_NOT_FOUND = ErrorCode.notFound("payments.payment_not_found");
    public static final ErrorCode PAYOUT_NOT_FOUND = ErrorCode.notFound("payments.payout_not_found");
    public static final ErrorCode CHARGEBACK_NOT_FOUND = ErrorCode.notFound("payments.chargeback_not_found");
    public static final ErrorCode DELIVERY_NOT_FOUND = ErrorCode.notFound("payments.delivery_not_found");
    public static final ErrorCode WALLET_NOT_FOUND = ErrorCode.notFound("payments.wallet_not_found");
    public static final ErrorCode CARD_NOT_FOUND = ErrorCode.notFound("payments.card_not_found");
    /** The payment is not in a state that allows the operation (capture a declined payment, refund a voided one). */
    public static final ErrorCode INVALID_STATE = ErrorCode.conflict("payments.invalid_state");
    /** A capture, refund or payout for more than there is to capture, refund or pay out. */
    public static final ErrorCode AMOUNT_TOO_LARGE = ErrorCode.refused("payments.amount_too_large");
    /** The same idempotency key came with a different request; the API answers 422. */
    public static final ErrorCode IDEMPOTENCY_KEY_REUSED = ErrorCode.conflict("payments.idempotency_key_reused");
    public static final ErrorCode CURRENCY_NOT_SUPPORTED = ErrorCode.refused("payments.currency_not_supported");
    /** The wallet's owner did not consent: no customer token, or one of another customer. */
    public static final ErrorCode WALLET_NOT_AUTHORISED = new ErrorCode("payments.wallet_not_authorised",
            ErrorCode.Kind.FORBIDDEN);
    public static final ErrorCode MERCHANT_NOT_ACTIVE = new ErrorCode("payments.merchant_not_active",
            ErrorCode.Kind.FORBIDDEN);
    /** A payout for a merchant that has not registered a bank account to pay it to. */
    public static final ErrorCode NO_BANK_ACCOUNT = ErrorCode.refused("payments.no_bank_account");
    /** A third party could not be reached and nothing was recorded; the request may be tried again. */
    public static final ErrorCode CONNECTOR_UNAVAILABLE = new ErrorCode("payments.connector_unavailable",
            ErrorCode.Kind.UNAVAILABLE);

    private final String field;

    public PaymentsException(ErrorCode errorCode, String message) {
        this(errorCode, null, message);
    }

    public PaymentsException(ErrorCode errorCode, String field, String message) {
        super(errorCode, message);
        this.field = field;
    }

    /** An invalid request naming the field at fault. */
    public static PaymentsException invalid(String field, String message) {
        return new PaymentsException(INVALID_REQUEST, field, message);
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
