package io.reactivepay.connector.api;

/**
 * What a third party said about a request. Not an error type: a decline is a normal answer.
 * {@link Unknown} means the request may or may not have taken effect (a timeout, a lost answer); it is
 * resolved later by asking the third party, never by sending the request again.
 */
public sealed interface Outcome {

    record Approved(String reference) implements Outcome {
    }

    record Declined(String reason) implements Outcome {
    }

    record Pending(String reference) implements Outcome {
    }

    record Unknown(String detail) implements Outcome {
    }
}
