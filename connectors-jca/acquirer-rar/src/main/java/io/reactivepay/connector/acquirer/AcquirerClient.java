package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.Authorisation;
import io.reactivepay.connector.api.acquiring.Settlement;
import io.reactivepay.connector.support.CircuitBreaker;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The acquirer's JSON API over one pooled {@link HttpClient}, shared by all connections of a factory.
 * Every call ends in an {@link Outcome}: an answer the acquirer gave, or {@code Unknown} when it may
 * have acted without our hearing of it (timeout, broken connection, server error), which counts as a
 * failure for the circuit breaker. While the circuit is open nothing is sent: commands are declined
 * with {@code acquirer_unavailable}, which is certain as the acquirer never saw them.
 */
final class AcquirerClient {

    static final String UNAVAILABLE = "acquirer_unavailable";
    private static final System.Logger LOG = System.getLogger(AcquirerClient.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration readTimeout;
    private final CircuitBreaker breaker;

    AcquirerClient(URI base, String user, String password, Duration connectTimeout, Duration readTimeout,
            CircuitBreaker breaker) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.readTimeout = readTimeout;
        this.breaker = breaker;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Outcome authorise(Authorisation authorisation) {
        JsonObject body = JSON.createObjectBuilder()
                .add("requestId", authorisation.requestId())
                .add("amount", authorisation.amount().toDecimalString())
                .add("currency", authorisation.amount().currency().getCurrencyCode())
                .add("returnUrl", authorisation.returnUrl().toString())
                .add("card", JSON.createObjectBuilder()
                        .add("number", authorisation.card().number())
                        .add("expiry", authorisation.card().expiry().toString())
                        .add("cvc", authorisation.card().securityCode()))
                .build();
        return call("authorisation " + authorisation.requestId(), post("/v1/authorisations", body),
                response -> response.statusCode() == 201 ? authorisationOutcome(json(response))
                        : new Outcome.Declined("refused_by_acquirer_" + response.statusCode()),
                new Outcome.Declined(UNAVAILABLE));
    }

    Outcome capture(Settlement capture) {
        return settle("captures", capture.reference(), money(capture).add("requestId", capture.requestId()));
    }

    Outcome refund(Settlement refund) {
        return settle("refunds", refund.reference(), money(refund).add("requestId", refund.requestId()));
    }

    Outcome cancel(String requestId, String reference) {
        return settle("cancellations", reference, JSON.createObjectBuilder().add("requestId", requestId));
    }

    Outcome status(String requestId) {
        HttpRequest request = request("/v1/authorisations?requestId=" + URLEncoder.encode(requestId, StandardCharsets.UTF_8))
                .GET().build();
        return call("status of " + requestId, request, response -> switch (response.statusCode()) {
            case 200 -> authorisationOutcome(json(response));
            case 404 -> new Outcome.Declined("not_found");
            default -> new Outcome.Unknown("acquirer answered the status query with " + response.statusCode());
        }, new Outcome.Unknown(UNAVAILABLE));
    }

    private Outcome settle(String operation, String reference, JsonObjectBuilder body) {
        String path = "/v1/authorisations/" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "/" + operation;
        return call(operation + " of " + reference, post(path, body.build()), response -> {
            if (response.statusCode() != 200) {
                return new Outcome.Declined("refused_by_acquirer_" + response.statusCode());
            }
            JsonObject answer = json(response);
            return answer.getString("status").equals("approved") ? new Outcome.Approved(answer.getString("reference"))
                    : new Outcome.Declined(answer.getString("reason"));
        }, new Outcome.Declined(UNAVAILABLE));
    }

    private Outcome call(String what, HttpRequest request, Function<HttpResponse<String>, Outcome> answer,
            Outcome whenOpen) {
        if (!breaker.tryAcquire()) {
            LOG.log(System.Logger.Level.WARNING, "Acquirer circuit open: {0} not sent", what);
            return whenOpen;
        }
        Outcome outcome;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                breaker.recordFailure();
                outcome = new Outcome.Unknown("acquirer answered " + response.statusCode());
            } else {
                breaker.recordSuccess();
                outcome = readAnswer(answer, response);
            }
        } catch (HttpTimeoutException e) {
            breaker.recordFailure();
            outcome = new Outcome.Unknown("no answer within " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            breaker.recordFailure();
            outcome = new Outcome.Unknown("acquirer unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome.Unknown("interrupted while waiting for the acquirer");
        }
        LOG.log(System.Logger.Level.DEBUG, "Acquirer {0}: {1}", what, outcome);
        return outcome;
    }

    /** An answer we cannot read may still mean the acquirer acted on the request. */
    private static Outcome readAnswer(Function<HttpResponse<String>, Outcome> answer, HttpResponse<String> response) {
        try {
            return answer.apply(response);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            return new Outcome.Unknown("unreadable answer from the acquirer (" + response.statusCode() + "): " + e);
        }
    }

    private static Outcome authorisationOutcome(JsonObject authorisation) {
        String reference = authorisation.getString("reference");
        return switch (authorisation.getString("status")) {
            case "approved" -> new Outcome.Approved(reference);
            case "declined" -> new Outcome.Declined(authorisation.getString("reason"));
            case "cancelled" -> new Outcome.Declined("cancelled");
            case "challenge" -> new Outcome.Pending(reference,
                    Optional.of(URI.create(authorisation.getString("redirectUrl"))));
            default -> new Outcome.Unknown("unknown authorisation status " + authorisation.getString("status"));
        };
    }

    private static JsonObjectBuilder money(Settlement settlement) {
        return JSON.createObjectBuilder()
                .add("amount", settlement.amount().toDecimalString())
                .add("currency", settlement.amount().currency().getCurrencyCode());
    }

    private HttpRequest post(String path, JsonObject body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(readTimeout).header("Authorization", authorization);
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = JSON.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
