package io.reactivepay.connector.simulator;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** What the simulator remembers of one authorisation: never the card number, only its last four. */
final class Authorisation {

    enum State { CHALLENGE, APPROVED, DECLINED, CANCELLED }

    final String reference;
    final String requestId;
    final String currency;
    final long amountMinor;
    final String lastFour;
    final URI returnUrl;
    final Set<String> settlementRequests = new HashSet<>();
    State state;
    String declineReason = "";
    long capturedMinor;
    long refundedMinor;

    Authorisation(String reference, String requestId, String currency, long amountMinor, String lastFour, URI returnUrl) {
        this.reference = reference;
        this.requestId = requestId;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.lastFour = lastFour;
        this.returnUrl = returnUrl;
    }

    void decline(String reason) {
        state = State.DECLINED;
        declineReason = reason;
    }
}
