package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.Screening;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.control.ScreeningStore;
import io.reactivepay.fraud.control.Screener;
import io.reactivepay.fraud.control.VelocityCounters;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Screening joins the caller's transaction: the decision and counters commit or roll back with the payment.
 * How long a screening takes, as its caller waits for it (one call, a single request or a batch), is the
 * application metric {@value #TIMER} (MicroProfile Metrics, {@code /metrics?scope=application}).
 */
@Stateless
public class ScreeningBean implements Screening {

    static final String TIMER = "reactivepay.fraud.screening";

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
        if (metrics == null) {
            return screening.get();
        }
        long started = System.nanoTime();
        try {
            return screening.get();
        } finally {
            metrics.timer(TIMER).update(Duration.ofNanos(System.nanoTime() - started));
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
