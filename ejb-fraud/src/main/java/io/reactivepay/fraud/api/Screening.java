package io.reactivepay.fraud.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** Screens money movements before money moves, inside the caller's transaction. */
@Local
public interface Screening {

    /**
     * Decides on the request and stores the decision under its reference, in the caller's transaction.
     * Screening a reference again returns the stored decision and counts nothing twice.
     */
    Decision screen(ScreeningRequest request);

    Optional<Decision> find(String reference);

    /** Counts a decline that happened after screening (e.g. by the acquirer) for the decline-count rules. */
    void recordDecline(String reference);
}
