package io.reactivepay.platform.error;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * The base of every component's business exception. Thrown across an EJB boundary it reaches the
 * caller as itself (not wrapped) and rolls the JTA transaction back, so a refusal never leaves a
 * partial effect behind.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private final ErrorCode errorCode;

    protected BusinessException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    protected BusinessException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
