package io.reactivepay.connector.simulator;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated acquirer's books: authorisations by reference and by the merchant's request id, so a
 * repeated request returns the first answer and a status query finds a request whose answer was lost.
 */
final class Acquirer {

    /** The answer to a capture, cancel or refund: approved, or declined with a reason. */
    record Answer(boolean approved, String reason) {
        static final Answer APPROVED = new Answer(true, "");

        static Answer declined(String reason) {
            return new Answer(false, reason);
        }
    }

    private final Map<String, Authorisation> byReference = new ConcurrentHashMap<>();
    private final Map<String, Authorisation> byRequestId = new ConcurrentHashMap<>();

    synchronized Authorisation authorise(String requestId, long amountMinor, String currency, String cardNumber,
            URI returnUrl) {
        Authorisation known = byRequestId.get(requestId);
        if (known != null) {
            return known;
        }
        Authorisation authorisation = new Authorisation("auth-" + UUID.randomUUID(), requestId, currency, amountMinor,
                cardNumber.substring(cardNumber.length() - 4), returnUrl);
        TestCard card = TestCard.of(cardNumber).orElse(TestCard.APPROVE);
        switch (card.behaviour()) {
            case DECLINE -> authorisation.decline(card.declineReason());
            case CHALLENGE -> authorisation.state = Authorisation.State.CHALLENGE;
            default -> authorisation.state = Authorisation.State.APPROVED;
        }
        byReference.put(authorisation.reference, authorisation);
        byRequestId.put(requestId, authorisation);
        return authorisation;
    }

    Optional<Authorisation> byReference(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    Optional<Authorisation> byRequestId(String requestId) {
        return Optional.ofNullable(byRequestId.get(requestId));
    }

    synchronized Optional<Authorisation> completeChallenge(String reference, boolean authenticated) {
        Authorisation authorisation = byReference.get(reference);
        if (authorisation == null || authorisation.state != Authorisation.State.CHALLENGE) {
            return Optional.empty();
        }
        if (authenticated) {
            authorisation.state = Authorisation.State.APPROVED;
        } else {
            authorisation.decline("authentication_failed");
        }
        return Optional.of(authorisation);
    }

    synchronized Answer capture(Authorisation authorisation, String requestId, long amountMinor, String currency) {
        if (authorisation.settlementRequests.contains(requestId)) {
            return Answer.APPROVED;
        }
        if (authorisation.state != Authorisation.State.APPROVED) {
            return Answer.declined("not_authorised");
        }
        if (!authorisation.currency.equals(currency)
                || authorisation.capturedMinor + amountMinor > authorisation.amountMinor) {
            return Answer.declined("amount_exceeds_authorisation");
        }
        authorisation.capturedMinor += amountMinor;
        authorisation.settlementRequests.add(requestId);
        return Answer.APPROVED;
    }

    synchronized Answer cancel(Authorisation authorisation, String requestId) {
        if (authorisation.settlementRequests.contains(requestId)) {
            return Answer.APPROVED;
        }
        if (authorisation.state != Authorisation.State.APPROVED || authorisation.capturedMinor > 0) {
            return Answer.declined("not_cancellable");
        }
        authorisation.state = Authorisation.State.CANCELLED;
        authorisation.settlementRequests.add(requestId);
        return Answer.APPROVED;
    }

    synchronized Answer refund(Authorisation authorisation, String requestId, long amountMinor, String currency) {
        if (authorisation.settlementRequests.contains(requestId)) {
            return Answer.APPROVED;
        }
        if (!authorisation.currency.equals(currency)
                || authorisation.refundedMinor + amountMinor > authorisation.capturedMinor) {
            return Answer.declined("amount_exceeds_capture");
        }
        authorisation.refundedMinor += amountMinor;
        authorisation.settlementRequests.add(requestId);
        return Answer.APPROVED;
    }
}
