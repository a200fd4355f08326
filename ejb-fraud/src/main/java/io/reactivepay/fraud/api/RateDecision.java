package io.reactivepay.fraud.api;

/** Whether a request may go on; a refusal says when to retry (HTTP 429 with Retry-After). */
public record RateDecision(boolean allowed, long retryAfterSeconds) {
}
