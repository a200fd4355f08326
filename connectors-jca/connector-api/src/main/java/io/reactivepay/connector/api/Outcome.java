package io.reactivepay.connector.api;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a third party said about a request. Not an error type: a decline is a normal answer.
 * {@link Unknown} means the request may or may not have taken effect (a timeout, a lost answer); it is
 * resolved later by asking the third party, never by sending the request again.
 */
public sealed interface Outcome {

    /** Done; {@code reference} is the third party's id for it (authorisation, message, payment). */
    record Approved(String reference) implements Outcome {
    }

    /** Refused for good; {@code reason} is a stable lower-case code such as {@code insufficient_funds}. */
    record Declined(String reason) implements Outcome {
    }

    /**
     * Accepted but not final: a payout awaiting the bank, or a card payment awaiting the customer's
     * 3-D Secure challenge at {@code redirect}; the final outcome comes from a status query.
     */
    record Pending(String reference, Optional<URI> redirect) implements Outcome {

        public Pending {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(redirect, "redirect");
        }

        public Pending(String reference) {
            this(reference, Optional.empty());
        }
    }

    record Unknown(String detail) implements Outcome {
    }
}
