package io.reactivepay.fraud.boundary;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.HeldScreening;
import io.reactivepay.fraud.api.Reviews;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.fraud.control.ScreeningStore;
import io.reactivepay.fraud.control.VelocityCounters;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The review queue; a reviewer's decline also counts for the decline-count rules. */
@Stateless
public class ReviewsBean implements Reviews {

    private static final int MAX_PAGE = 200;

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    ScreeningStore store;

    @Inject
    VelocityCounters velocity;

    @EJB
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<HeldScreening> held(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new FraudException(FraudException.INVALID_REQUEST, "A page is offset >= 0 and 1 to " + MAX_PAGE + " rows");
        }
        return Jdbc.with(dataSource, "Listing held screenings", connection -> store.held(connection, offset, limit));
    }

    @Override
    public Decision decide(String reference, Verdict verdict, String note, String reviewer) {
        if (verdict == null || verdict == Verdict.REVIEW || note == null || note.isBlank()) {
            throw new FraudException(FraudException.INVALID_REQUEST, "A review approves (ALLOW) or declines, with a note");
        }
        Decision decision = Jdbc.with(dataSource, "Reviewing a screening", connection -> {
            Optional<Decision> reviewed = store.review(connection, reference, verdict, note, reviewer, clock.instant());
            if (reviewed.isEmpty()) {
                throw store.find(connection, reference).isPresent()
                        ? new FraudException(FraudException.NOT_HELD, "Screening " + reference + " is not held")
                        : new FraudException(FraudException.SCREENING_NOT_FOUND, "No screening " + reference);
            }
            if (verdict == Verdict.DECLINE) {
                ScreeningStore.Counted counted = store.counted(connection, reference).orElseThrow();
                velocity.recordDecline(connection, counted.keys(), counted.currency(), clock.instant());
            }
            return reviewed.get();
        });
        audit.record(new AuditEvent(reviewer, verdict == Verdict.ALLOW ? "fraud.review.approved" : "fraud.review.declined",
                "fraud_screening", reference, "fraud", Map.of("note", note)));
        return decision;
    }
}
