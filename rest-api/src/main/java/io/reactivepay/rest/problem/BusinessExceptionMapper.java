package io.reactivepay.rest.problem;

import io.reactivepay.accounts.api.LimitExceededException;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.platform.error.BusinessException;
import io.reactivepay.platform.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Refusals of the API and of every module, as problem documents. The status follows the code's kind:
 * INVALID 400, NOT_FOUND 404, CONFLICT 409 (a reused idempotency key 422: the request, not the state,
 * is at fault), REFUSED 422 (well-formed but refused by a business rule: funds, limits, amount too
 * large), FORBIDDEN 403, UNAVAILABLE 503.
 */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException exception) {
        return problem(exception).build();
    }

    static Response.ResponseBuilder problem(BusinessException exception) {
        ErrorCode code = exception.errorCode();
        Problem problem = Problem.of(status(exception), code.code(), exception.getMessage());
        if (exception instanceof ApiException api) {
            problem.with("field", api.field().orElse(null));
        } else if (exception instanceof PaymentsException payments) {
            problem.with("field", payments.field().orElse(null));
        } else if (exception instanceof LimitExceededException limit) {
            problem.with("requiredLevel", limit.requiredLevel().map(level -> level.name().toLowerCase(Locale.ROOT)).orElse(null));
        }
        Response.ResponseBuilder response = problem.response();
        if (exception instanceof RateLimitedException limited) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        if (exception instanceof ApiException api && api.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"reactivepay\"");
        }
        return response;
    }

    static int status(BusinessException exception) {
        if (exception instanceof ApiException api) {
            return api.status();
        }
        ErrorCode code = exception.errorCode();
        if (code.equals(PaymentsException.IDEMPOTENCY_KEY_REUSED)) {
            return 422;
        }
        return switch (code.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case REFUSED -> 422;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
        };
    }
}
