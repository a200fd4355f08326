package io.reactivepay.fraud.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The rules in memory. At most once a second a screening reads the one-row rule-set version (a
 * primary-key read); when another server has changed the rules, it reloads them. A change made through
 * this server is seen at once. A clock that steps back makes the next screening check again.
 */
@ApplicationScoped
public class RuleCache {

    private static final long CHECK_EVERY_MILLIS = 1_000;

    private final RuleStore store;
    private final Clock clock;
    private volatile RuleSet current;
    private volatile long checkedAt;

    protected RuleCache() {
        this(null, Clock.systemUTC());
    }

    @Inject
    public RuleCache(RuleStore store) {
        this(store, Clock.systemUTC());
    }

    public RuleCache(RuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public RuleSet rules(Connection connection) throws SQLException {
        long now = clock.millis();
        RuleSet rules = current;
        long sinceCheck = now - checkedAt;
        if (rules != null && sinceCheck >= 0 && sinceCheck < CHECK_EVERY_MILLIS) {
            return rules;
        }
        long version = store.version(connection);
        if (rules == null || rules.version() != version) {
            rules = store.load(connection);
            current = rules;
        }
        checkedAt = now;
        return rules;
    }

    /** Makes the next screening check the version (called after a change on this server). */
    public void invalidate() {
        checkedAt = Long.MIN_VALUE / 2;
    }
}
