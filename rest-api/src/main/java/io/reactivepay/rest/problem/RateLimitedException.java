package io.reactivepay.rest.problem;

/** 429: a request rate limit is reached; {@link #retryAfterSeconds()} goes into {@code Retry-After}. */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(String scope, long retryAfterSeconds) {
        super(429, RATE_LIMITED, null, "Too many requests for this " + scope + "; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
