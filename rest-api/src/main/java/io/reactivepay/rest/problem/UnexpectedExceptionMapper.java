package io.reactivepay.rest.problem;

import io.reactivepay.platform.error.BusinessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * The last resort: anything no other mapper took is logged with an incident id and answered 500 with
 * that id only, never a stack trace or a message from inside. A business exception that reaches here
 * wrapped (by a container) is unwrapped and mapped as itself.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessException business) {
                return BusinessExceptionMapper.problem(business).build();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Incident " + incident + ": unexpected failure of an API request", exception);
        return Problem.of(500, ApiException.INTERNAL_ERROR.code(), "An internal error occurred; incident " + incident)
                .with("incident", incident).response().build();
    }
}
