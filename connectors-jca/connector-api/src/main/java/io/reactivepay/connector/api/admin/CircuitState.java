package io.reactivepay.connector.api.admin;

/** A connector's circuit breaker: calls pass, are refused at once, or one probe call is let through. */
public enum CircuitState {
    CLOSED, OPEN, HALF_OPEN,
    /** The connector has no breaker (it writes to local files, say). */
    NONE
}
