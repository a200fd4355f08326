package io.reactivepay.fraud.api;

import jakarta.ejb.Local;
import java.util.List;

/** The review queue: screenings held with REVIEW, oldest first, decided by a risk manager. */
@Local
public interface Reviews {

    List<HeldScreening> held(int offset, int limit);

    /**
     * Approves ({@link Verdict#ALLOW}) or declines a held screening with a note, audited; returns the
     * final decision, which the payment follows (release or cancel). A screening not held is a conflict.
     */
    Decision decide(String reference, Verdict verdict, String note, String reviewer);
}
