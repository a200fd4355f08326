package io.reactivepay.connector.api.acquiring;

import io.reactivepay.connector.api.Outcome;

/**
 * A connection to a card acquirer. Every method answers with an {@link Outcome}: a decline or an
 * unreachable acquirer is an answer, not an exception; {@link Outcome.Unknown} is resolved with
 * {@link #status(String)}, never by sending the request again.
 */
public interface CardAcquiringConnection extends AutoCloseable {

    /** Approved with the authorisation's reference, declined, pending a 3-D Secure challenge, or unknown. */
    Outcome authorise(Authorisation authorisation);

    Outcome capture(Settlement capture);

    /** Releases an authorisation that was not captured. */
    Outcome cancel(String requestId, String reference);

    Outcome refund(Settlement refund);

    /**
     * Where the authorisation with our {@code requestId} stands: approved, declined, pending a challenge,
     * or {@code Declined("not_found")} if the acquirer never received it.
     */
    Outcome status(String requestId);

    @Override
    void close();
}
