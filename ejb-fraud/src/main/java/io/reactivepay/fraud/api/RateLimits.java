package io.reactivepay.fraud.api;

import jakarta.ejb.Local;

/** Request rate limits shared by every server instance (counted in the database, not per JVM). */
@Local
public interface RateLimits {

    /** Counts one request for the key and says whether it is within the scope's limit. */
    RateDecision hit(RateScope scope, String key);
}
