package io.reactivepay.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.KycLevel;
import io.reactivepay.accounts.api.LimitExceededException;
import io.reactivepay.payments.api.PaymentsException;
import org.junit.jupiter.api.Test;

class BusinessExceptionMapperTest {

    @Test
    void theStatusFollowsTheKindOfTheCode() {
        assertEquals(400, status(PaymentsException.INVALID_REQUEST));
        assertEquals(404, status(PaymentsException.PAYMENT_NOT_FOUND));
        assertEquals(409, status(PaymentsException.INVALID_STATE));
        assertEquals(422, status(PaymentsException.AMOUNT_TOO_LARGE));
        assertEquals(403, status(PaymentsException.WALLET_NOT_AUTHORISED));
        assertEquals(503, status(PaymentsException.CONNECTOR_UNAVAILABLE));
        assertEquals(422, BusinessExceptionMapper.status(new LimitExceededException("daily", KycLevel.UNVERIFIED, KycLevel.BASIC)));
        assertEquals(409, BusinessExceptionMapper.status(new AccountsException(AccountsException.PUBLIC_KEY_EXISTS, "x")));
    }

    @Test
    void aReusedIdempotencyKeyIs422NotAConflict() {
        assertEquals(422, status(PaymentsException.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void theApisOwnRefusalsCarryTheirStatus() {
        assertEquals(429, BusinessExceptionMapper.status(new RateLimitedException("ip", 12)));
        assertEquals(401, BusinessExceptionMapper.status(ApiException.unauthenticated(ApiException.UNAUTHENTICATED, "x")));
        assertEquals(1, new RateLimitedException("ip", 0).retryAfterSeconds(), "Retry-After is at least a second");
    }

    private static int status(io.reactivepay.platform.error.ErrorCode code) {
        return BusinessExceptionMapper.status(new PaymentsException(code, "refused"));
    }
}
