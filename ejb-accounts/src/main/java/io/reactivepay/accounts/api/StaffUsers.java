package io.reactivepay.accounts.api;

import jakarta.ejb.Local;

@Local
public interface StaffUsers {

    /**
     * Creates a user; the password needs at least 12 characters.
     *
     * @throws AccountsException {@link AccountsException#WEAK_PASSWORD}, {@link AccountsException#USERNAME_TAKEN}
     */
    StaffUser create(String username, char[] password, StaffUser.Role role, String actor);

    /** Checks the password, counting failures and locking the user after too many. */
    LoginResult login(String username, char[] password, String source);
}
