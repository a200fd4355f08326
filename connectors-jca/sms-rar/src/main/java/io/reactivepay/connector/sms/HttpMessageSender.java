package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

/**
 * A text-message provider over HTTP: each message is a {@code POST} of {@code {"id","to","body"}} as JSON
 * to the gateway URL, with the API key as a bearer token. A 2xx answer approves it under our id, a 4xx
 * declines it; a 5xx, a timeout or a broken connection leaves it unknown (the provider may have sent it).
 */
final class HttpMessageSender implements MessageSender {

    private static final System.Logger LOG = System.getLogger(HttpMessageSender.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final HttpClient http;
    private final URI gateway;
    private final String apiKey;
    private final Duration timeout;

    HttpMessageSender(HttpClient http, URI gateway, String apiKey, Duration timeout) {
        this.http = http;
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    @Override
    public Outcome send(TextMessage message) {
        String id = UUID.randomUUID().toString();
        String body = JSON.createObjectBuilder().add("id", id).add("to", message.to()).add("body", message.body())
                .build().toString();
        HttpRequest request = HttpRequest.newBuilder(gateway).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Outcome outcome;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                outcome = new Outcome.Approved(id);
            } else if (status >= 400 && status < 500) {
                outcome = new Outcome.Declined("refused_by_gateway_" + status);
            } else {
                outcome = new Outcome.Unknown("gateway answered " + status);
            }
        } catch (HttpTimeoutException e) {
            outcome = new Outcome.Unknown("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            outcome = new Outcome.Unknown("gateway unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome.Unknown("interrupted while waiting for the gateway");
        }
        LOG.log(System.Logger.Level.INFO, "Text message {0} to {1}: {2}", id, message.maskedRecipient(),
                outcome.getClass().getSimpleName());
        return outcome;
    }
}
