package io.reactivepay.fraud.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** Screens money movements before money moves, inside the caller's transaction. */
@Local
public interface Screening {

    /**
     * Decides on the request and stores the decision under its reference, in the caller's transaction.
     * Screening a reference again returns the stored decision and counts nothing twice.
     */
    Decision screen(ScreeningRequest request);

    /**
     * Screens the requests in order, in the caller's transaction, with the same decisions as screening
     * them one by one (a later request sees the earlier ones' counts; a reference repeated in the list
     * gets its first decision), in a few statements whatever the number of requests. A caller that
     * screens several requests in one transaction should use this: the velocity rows are locked in
     * one fixed order, so two such transactions cannot deadlock on them.
     */
    List<Decision> screenAll(List<ScreeningRequest> requests);

    Optional<Decision> find(String reference);

    /** Counts a decline that happened after screening (e.g. by the acquirer) for the decline-count rules. */
    void recordDecline(String reference);
}
