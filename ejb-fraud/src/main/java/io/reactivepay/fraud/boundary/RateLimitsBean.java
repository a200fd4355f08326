package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.RateDecision;
import io.reactivepay.fraud.api.RateLimits;
import io.reactivepay.fraud.api.RateScope;
import io.reactivepay.fraud.control.FraudConfig;
import io.reactivepay.fraud.control.KeyHasher;
import io.reactivepay.fraud.control.RateCounter;
import io.reactivepay.fraud.control.RateLeases;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Counts each request against this server's lease of the window's budget, in memory; a new slice is
 * taken from the shared counter by one statement outside any transaction (it commits on its own, so
 * a refused or failed request still counts). Most hits never reach the database.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateLimitsBean implements RateLimits {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    RateCounter counter;

    @Inject
    KeyHasher hasher;

    @Inject
    FraudConfig config;

    @Inject
    RateLeases leases;

    Clock clock = Clock.systemUTC();

    @Override
    public RateDecision hit(RateScope scope, String key) {
        if (scope == null || key == null || key.isBlank()) {
            throw new FraudException(FraudException.INVALID_REQUEST, "A scope and a key are required");
        }
        byte[] hash = hasher.hash("rate." + scope, key);
        FraudConfig.RateLimit limit = config.rateLimits().get(scope);
        return leases.hit(scope, hash, limit, clock.instant(), (start, slice) -> Jdbc.with(dataSource, "Leasing request budget",
                connection -> counter.lease(connection, scope, hash, start, slice, limit.hits())));
    }
}
