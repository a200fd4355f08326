package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.RateDecision;
import io.reactivepay.fraud.api.RateLimits;
import io.reactivepay.fraud.api.RateScope;
import io.reactivepay.fraud.control.FraudConfig;
import io.reactivepay.fraud.control.KeyHasher;
import io.reactivepay.fraud.control.RateCounter;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import javax.sql.DataSource;

/** Counts each request in a short transaction of its own: a refused or failed request still counts. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RateLimitsBean implements RateLimits {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    RateCounter counter;

    @Inject
    KeyHasher hasher;

    @Inject
    FraudConfig config;

    Clock clock = Clock.systemUTC();

    @Override
    public RateDecision hit(RateScope scope, String key) {
        if (scope == null || key == null || key.isBlank()) {
            throw new FraudException(FraudException.INVALID_REQUEST, "A scope and a key are required");
        }
        byte[] hash = hasher.hash("rate." + scope, key);
        return Jdbc.with(dataSource, "Counting a request",
                connection -> counter.hit(connection, scope, hash, config.rateLimits().get(scope), clock.instant()));
    }
}
