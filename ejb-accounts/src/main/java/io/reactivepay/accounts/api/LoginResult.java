package io.reactivepay.accounts.api;

import java.time.Instant;

/** The answer to a login attempt; a refusal never says whether the user exists. */
public sealed interface LoginResult {

    record Success(StaffUser user) implements LoginResult {
    }

    /** Wrong password, unknown user, or a wrong or replayed one-time code; counted towards the lockout. */
    record BadCredentials() implements LoginResult {
    }

    /** Too many failures: refused until {@code until}, even with the right password. */
    record Locked(Instant until) implements LoginResult {
    }

    /** The password is right and the user has a TOTP second factor: ask for the code and log in again. */
    record SecondFactorRequired() implements LoginResult {
    }

    /** The password is right, but the user's merchant is suspended: no merchant user may sign in for it. */
    record MerchantSuspended() implements LoginResult {
    }

    /**
     * The password is right, but the user is an administrator without a confirmed TOTP second factor:
     * refused until they enrol ({@link StaffUsers#enrolTotp}, {@link StaffUsers#confirmTotp}).
     */
    record SecondFactorEnrolmentRequired(StaffUser user) implements LoginResult {
    }
}
