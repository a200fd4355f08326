package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.Receipt;
import io.reactivepay.rest.problem.ApiException;
import io.reactivepay.rest.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** How resources answer: receipts byte for byte, reads as JSON, ids checked before any lookup. */
final class Replies {

    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Replies() {
    }

    /** The stored answer of a money-moving call, as stored: status and bytes; a replay says so. */
    static Response receipt(Receipt receipt) {
        Response.ResponseBuilder response = Response.status(receipt.status())
                .type(receipt.status() >= 400 ? Problem.TYPE : MediaType.APPLICATION_JSON_TYPE)
                .entity(receipt.body().getBytes(StandardCharsets.UTF_8));
        if (receipt.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    static Response json(String body) {
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** An id in a path; anything but a UUID names nothing. */
    static UUID id(String text, String what) {
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            throw new ApiException(404, ApiException.NOT_FOUND, null, "There is no such " + what);
        }
        return UUID.fromString(text);
    }
}
