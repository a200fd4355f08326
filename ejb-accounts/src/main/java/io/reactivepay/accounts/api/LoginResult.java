package io.reactivepay.accounts.api;

import java.time.Instant;

/** The answer to a login attempt; a refusal never says whether the user exists. */
public sealed interface LoginResult {

    record Success(StaffUser user) implements LoginResult {
    }

    record BadCredentials() implements LoginResult {
    }

    /** Too many failures: refused until {@code until}, even with the right password. */
    record Locked(Instant until) implements LoginResult {
    }
}
