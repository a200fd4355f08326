package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.Screening;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.control.ScreeningStore;
import io.reactivepay.fraud.control.Screener;
import io.reactivepay.fraud.control.VelocityCounters;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Screening joins the caller's transaction: the decision and counters commit or roll back with the payment.
 * How long a screening takes, as its caller waits for it (one call, a single request or a batch), is the
 * application metric {@value #TIMER} (MicroProfile Metrics, {@code /metrics?scope=application}). Its
 * quantiles are of a recent-weighted sample, so besides it the counter {@value #WITHIN} counts, per
 * bound (tag {@code le}, in milliseconds), the calls that took no longer: the share within the 5 ms
 * target over any period is the difference of two readings of it and of the timer's count.
 */
@Stateless
public class ScreeningBean implements Screening {

    static final String TIMER = "reactivepay.fraud.screening";
    static final String WITHIN = "reactivepay.fraud.screening.within";
    private static final long[] BOUNDS_MILLIS = {1, 2, 3, 5, 10, 20, 50, 100};

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    Screener screener;

    @Inject
    ScreeningStore store;

    @Inject
    VelocityCounters velocity;

    /** Null outside a container (module tests). */
    @Inject
    MetricRegistry metrics;

    Clock clock = Clock.systemUTC();

    /** The timer, and one counter per bound of {@link #BOUNDS_MILLIS}; both null outside a container. */
    private Timer timer;
    private Counter[] within;

    /** Registered before any call, so that every bound is published, and looked up once, not per call. */
    @PostConstruct
    void registerMetrics() {
        if (metrics != null) {
            timer = metrics.timer(TIMER);
            within = Arrays.stream(BOUNDS_MILLIS)
                    .mapToObj(bound -> metrics.counter(WITHIN, new Tag("le", Long.toString(bound)))).toArray(Counter[]::new);
        }
    }

    @Override
    public Decision screen(ScreeningRequest request) {
        if (request == null) {
            throw new FraudException(FraudException.INVALID_REQUEST, "A screening request is required");
        }
        return timed(() -> Jdbc.with(dataSource, "Screening " + request.reference(),
                connection -> screener.screen(connection, List.of(request))).get(0));
    }

    @Override
    public List<Decision> screenAll(List<ScreeningRequest> requests) {
        if (requests == null || requests.stream().anyMatch(Objects::isNull)) {
            throw new FraudException(FraudException.INVALID_REQUEST, "Screening requests are required");
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        return timed(() -> Jdbc.with(dataSource, "Screening " + requests.size() + " requests",
                connection -> screener.screen(connection, requests)));
    }

    private <T> T timed(Supplier<T> screening) {
        if (timer == null) {
            return screening.get();
        }
        long started = System.nanoTime();
        try {
            return screening.get();
        } finally {
            long took = System.nanoTime() - started;
            timer.update(Duration.ofNanos(took));
            for (int i = 0; i < within.length; i++) {
                if (took <= BOUNDS_MILLIS[i] * 1_000_000) {
                    within[i].inc();
                }
            }
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Decision> find(String reference) {
        return Jdbc.with(dataSource, "Reading a screening", connection -> store.find(connection, reference));
    }

    @Override
    public void recordDecline(String reference) {
        Jdbc.with(dataSource, "Counting a decline", connection -> {
            ScreeningStore.Counted counted = store.counted(connection, reference).orElseThrow(() -> new FraudException(
                    FraudException.SCREENING_NOT_FOUND, "No screening " + reference));
            velocity.recordDecline(connection, counted.keys(), counted.currency(), clock.instant());
            return null;
        });
    }
}
