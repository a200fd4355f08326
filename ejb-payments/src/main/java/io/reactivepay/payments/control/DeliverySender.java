package io.reactivepay.payments.control;

import io.reactivepay.payments.api.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * POSTs signed deliveries, all of a batch at once, and reports what each got. Never throws for a
 * merchant's failure: a refused connection, a timeout or a 500 is an outcome, tried again later.
 * Redirects are not followed (a 3xx is a failure), so a delivery only ever goes to the registered URL.
 */
public class DeliverySender {

    private static final int MAX_ERROR_LENGTH = 300;

    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration wholeAttempt;
    private final Clock clock;

    public DeliverySender(Duration connectTimeout, Duration readTimeout, Executor executor, Clock clock) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
        this.readTimeout = readTimeout;
        this.wholeAttempt = connectTimeout.plus(readTimeout);
        this.clock = clock;
    }

    /** Sends every dispatch in parallel and waits for all their outcomes (at most the connect and read timeouts). */
    public List<AttemptOutcome> send(List<Dispatch> dispatches) {
        List<CompletableFuture<AttemptOutcome>> pending = new ArrayList<>(dispatches.size());
        for (Dispatch dispatch : dispatches) {
            pending.add(send(dispatch));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<AttemptOutcome> send(Dispatch dispatch) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(dispatch.url()))
                    .timeout(readTimeout)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSigner.header(dispatch.secrets(), startedAt.getEpochSecond(),
                            dispatch.body()))
                    .header(WebhookSignature.EVENT_ID_HEADER, dispatch.eventId().toString())
                    .header("User-Agent", "ReactivePay-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(dispatch.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(outcome(dispatch, startedAt, started, null, "Invalid URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(wholeAttempt.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null
                        ? outcome(dispatch, startedAt, started, response.statusCode(), null)
                        : outcome(dispatch, startedAt, started, null, describe(failure)));
    }

    private static AttemptOutcome outcome(Dispatch dispatch, Instant startedAt, long started, Integer status, String error) {
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        return new AttemptOutcome(dispatch.deliveryId(), dispatch.attempt(), startedAt, duration,
                Optional.ofNullable(status), Optional.ofNullable(error));
    }

    /** Says why there was no answer, without anything of the request (the signature stays out of logs and views). */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String what;
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            what = "Timed out";
        } else if (cause instanceof java.net.ConnectException) {
            what = "Connection refused or unreachable";
        } else {
            what = cause.getClass().getSimpleName();
        }
        String message = cause.getMessage() == null ? what : what + ": " + cause.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
