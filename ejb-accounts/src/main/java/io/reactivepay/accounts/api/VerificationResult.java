package io.reactivepay.accounts.api;

/** The answer to an entered verification code. A wrong entry counts even though nothing else changes. */
public sealed interface VerificationResult {

    record Verified(KycLevel level) implements VerificationResult {
    }

    record WrongCode(int attemptsLeft) implements VerificationResult {
    }

    /** No code is pending: never requested, expired, used up by wrong entries, or already used. */
    record NoValidCode() implements VerificationResult {
    }
}
