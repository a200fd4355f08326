package io.reactivepay.connector.simulator;

import static io.reactivepay.connector.simulator.Exchanges.JSON;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The acquirer's API, HTTP Basic authentication, JSON in and out, amounts as strings in major units:
 * <ul>
 * <li>{@code POST /v1/authorisations} {@code {requestId, amount, currency, card:{number, expiry:"YYYY-MM", cvc}, returnUrl}}
 *     → the authorisation; the same requestId again returns the first answer</li>
 * <li>{@code GET /v1/authorisations?requestId=…} → the authorisation, or 404</li>
 * <li>{@code POST /v1/authorisations/<reference>/captures|refunds} {@code {requestId, amount, currency}} and
 *     {@code …/cancellations} {@code {requestId}} → {@code {status: approved|declined, reason}}</li>
 * </ul>
 * An authorisation reads {@code {reference, requestId, status: approved|declined|challenge|cancelled,
 * reason, redirectUrl (challenge only), amount, currency, captured, refunded, lastFour}}.
 */
final class ApiHandler implements HttpHandler {

    private static final String AUTHORISATIONS = "/v1/authorisations";

    private final Acquirer acquirer;
    private final String expectedAuthorization;
    private final Duration slowDelay;
    private final URI base;

    ApiHandler(Acquirer acquirer, String user, String password, Duration slowDelay, URI base) {
        this.acquirer = acquirer;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.slowDelay = slowDelay;
        this.base = base;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                Exchanges.sendError(exchange, 401, "unauthorised");
                return;
            }
            route(exchange);
        } catch (JsonException | IllegalArgumentException | ArithmeticException | NullPointerException
                | ClassCastException e) {
            Exchanges.sendError(exchange, 400, "malformed request: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals(AUTHORISATIONS) && method.equals("POST")) {
            authorise(exchange, Exchanges.readJson(exchange));
        } else if (path.equals(AUTHORISATIONS) && method.equals("GET")) {
            Optional<Authorisation> found = queryParameter(exchange, "requestId").flatMap(acquirer::byRequestId);
            if (found.isPresent()) {
                Exchanges.sendJson(exchange, 200, describe(found.get()));
            } else {
                Exchanges.sendError(exchange, 404, "not_found");
            }
        } else if (path.startsWith(AUTHORISATIONS + "/") && method.equals("POST")) {
            String[] parts = path.substring(AUTHORISATIONS.length() + 1).split("/");
            Optional<Authorisation> found = acquirer.byReference(parts[0]);
            if (parts.length != 2 || found.isEmpty()) {
                Exchanges.sendError(exchange, 404, "not_found");
                return;
            }
            settle(exchange, found.get(), parts[1], Exchanges.readJson(exchange));
        } else {
            Exchanges.sendError(exchange, 404, "not_found");
        }
    }

    private void authorise(HttpExchange exchange, JsonObject request) throws IOException, InterruptedException {
        JsonObject card = request.getJsonObject("card");
        String number = card.getString("number");
        if (!number.matches("[0-9]{12,19}") || !card.getString("cvc").matches("[0-9]{3,4}")) {
            Exchanges.sendError(exchange, 400, "invalid card");
            return;
        }
        TestCard.Behaviour behaviour = TestCard.of(number).map(TestCard::behaviour).orElse(TestCard.Behaviour.APPROVE);
        if (behaviour == TestCard.Behaviour.ERROR) {
            Exchanges.sendError(exchange, 500, "internal_error");
            return;
        }
        String currency = request.getString("currency");
        Authorisation authorisation = acquirer.authorise(request.getString("requestId"),
                Exchanges.minorUnits(request.getString("amount"), currency), currency, number,
                URI.create(request.getString("returnUrl")));
        if (behaviour == TestCard.Behaviour.SLOW) {
            Thread.sleep(slowDelay.toMillis());
        }
        Exchanges.sendJson(exchange, 201, describe(authorisation));
    }

    private void settle(HttpExchange exchange, Authorisation authorisation, String operation, JsonObject request)
            throws IOException {
        String requestId = request.getString("requestId");
        Acquirer.Answer answer = switch (operation) {
            case "captures" -> acquirer.capture(authorisation, requestId,
                    Exchanges.minorUnits(request.getString("amount"), request.getString("currency")),
                    request.getString("currency"));
            case "refunds" -> acquirer.refund(authorisation, requestId,
                    Exchanges.minorUnits(request.getString("amount"), request.getString("currency")),
                    request.getString("currency"));
            case "cancellations" -> acquirer.cancel(authorisation, requestId);
            default -> null;
        };
        if (answer == null) {
            Exchanges.sendError(exchange, 404, "not_found");
            return;
        }
        Exchanges.sendJson(exchange, 200, JSON.createObjectBuilder()
                .add("status", answer.approved() ? "approved" : "declined")
                .add("reason", answer.reason())
                .add("reference", authorisation.reference).build());
    }

    private JsonObject describe(Authorisation authorisation) {
        synchronized (acquirer) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("reference", authorisation.reference)
                    .add("requestId", authorisation.requestId)
                    .add("status", authorisation.state.name().toLowerCase())
                    .add("reason", authorisation.declineReason)
                    .add("amount", Exchanges.majorUnits(authorisation.amountMinor, authorisation.currency))
                    .add("currency", authorisation.currency)
                    .add("captured", Exchanges.majorUnits(authorisation.capturedMinor, authorisation.currency))
                    .add("refunded", Exchanges.majorUnits(authorisation.refundedMinor, authorisation.currency))
                    .add("lastFour", authorisation.lastFour);
            if (authorisation.state == Authorisation.State.CHALLENGE) {
                json.add("redirectUrl", base.resolve("/3ds/" + authorisation.reference).toString());
            }
            return json.build();
        }
    }

    private static Optional<String> queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].equals(name)) {
                return Optional.of(URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
