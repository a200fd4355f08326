package io.reactivepay.rest.problem;

import io.reactivepay.platform.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: {@code type} (a URI per code), {@code title} (the status's reason),
 * {@code status}, {@code detail}, and the extensions {@code code} (stable, for clients to branch on)
 * and, when known, {@code field}.
 */
public final class Problem {

    public static final MediaType TYPE = new MediaType("application", "problem+json");
    public static final String TYPE_BASE = "https://reactivepay.io/problems/";

    private final int status;
    private final JsonObjectBuilder json;

    private Problem(int status, String code, String detail) {
        this.status = status;
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        this.json = Jsons.PROVIDER.createObjectBuilder()
                .add("type", TYPE_BASE + code)
                .add("title", reason == null ? title(status) : reason.getReasonPhrase())
                .add("status", status)
                .add("detail", detail == null ? "" : detail)
                .add("code", code);
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem(status, code, detail);
    }

    public Problem with(String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
        return this;
    }

    public Response.ResponseBuilder response() {
        return Response.status(status).type(TYPE).entity(json.build().toString());
    }

    private static String title(int status) {
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
