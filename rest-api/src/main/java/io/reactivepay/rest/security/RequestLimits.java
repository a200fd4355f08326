package io.reactivepay.rest.security;

import io.reactivepay.fraud.api.RateDecision;
import io.reactivepay.fraud.api.RateLimits;
import io.reactivepay.fraud.api.RateScope;
import io.reactivepay.rest.problem.RateLimitedException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request rate limits through fraud's counters, shared by all servers ({@code reactivepay.fraud.rate-limit.*}).
 * A key refused once is refused here, without another database round trip, until its window ends:
 * a client hammering past its limit costs the database nothing more.
 */
@ApplicationScoped
public class RequestLimits {

    private static final int MAX_REMEMBERED = 10_000;

    @EJB
    RateLimits rateLimits;

    private final ConcurrentHashMap<String, Long> refusedUntilMillis = new ConcurrentHashMap<>();

    public void check(RateScope scope, String key) {
        String remembered = scope + " " + key;
        long now = System.currentTimeMillis();
        Long until = refusedUntilMillis.get(remembered);
        if (until != null) {
            if (until > now) {
                throw limited(scope, (until - now + 999) / 1000);
            }
            refusedUntilMillis.remove(remembered, until);
        }
        RateDecision decision = rateLimits.hit(scope, key);
        if (!decision.allowed()) {
            if (refusedUntilMillis.size() >= MAX_REMEMBERED) {
                refusedUntilMillis.clear();
            }
            refusedUntilMillis.put(remembered, now + decision.retryAfterSeconds() * 1000);
            throw limited(scope, decision.retryAfterSeconds());
        }
    }

    private static RateLimitedException limited(RateScope scope, long retryAfterSeconds) {
        return new RateLimitedException(scope.name().toLowerCase(Locale.ROOT).replace('_', ' '), retryAfterSeconds);
    }
}
