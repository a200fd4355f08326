package io.reactivepay.rest.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses (no such path, wrong method, wrong content type, unacceptable
 * {@code Accept}, an unparsable parameter) as problem documents with their own codes; the detail never
 * repeats the request.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final System.Logger LOG = System.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        Response.ResponseBuilder response;
        if (exception instanceof NotFoundException) {
            response = Problem.of(404, ApiException.NOT_FOUND.code(), "There is no such resource").response();
        } else if (exception instanceof NotAllowedException) {
            response = Problem.of(405, ApiException.METHOD_NOT_ALLOWED.code(), "This resource does not support the method")
                    .response().header(HttpHeaders.ALLOW, exception.getResponse().getHeaderString(HttpHeaders.ALLOW));
        } else if (exception instanceof NotSupportedException) {
            response = Problem.of(415, ApiException.UNSUPPORTED_MEDIA_TYPE.code(), "Send application/json").response();
        } else if (exception instanceof NotAcceptableException) {
            response = Problem.of(406, ApiException.NOT_ACCEPTABLE.code(), "Answers are application/json").response();
        } else if (status >= 500) {
            LOG.log(System.Logger.Level.ERROR, "Server error " + status + " from the API runtime", exception);
            response = Problem.of(500, ApiException.INTERNAL_ERROR.code(), "An internal error occurred").response();
        } else {
            response = Problem.of(status, ApiException.BAD_REQUEST.code(), "The request is not acceptable as sent").response();
        }
        return response.build();
    }
}
