package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.UUID;

@Local
public interface StaffUsers {

    /**
     * Creates a user; the password needs at least 12 characters; a merchant user names its merchant,
     * other roles none.
     *
     * @throws AccountsException {@link AccountsException#WEAK_PASSWORD}, {@link AccountsException#USERNAME_TAKEN},
     *                           {@link AccountsException#INVALID_USERNAME}, {@link AccountsException#MERCHANT_NOT_FOUND}
     */
    StaffUser create(String username, char[] password, StaffUser.Role role, UUID merchantId, String actor);

    /**
     * Checks the password and, for a user with TOTP, the one-time code ({@code null} when not yet asked);
     * failures count towards the lockout. Administrators cannot log in without TOTP.
     */
    LoginResult login(String username, char[] password, String totpCode, String source);

    /**
     * Starts (or restarts) TOTP enrolment with a new secret; the factor counts once {@link #confirmTotp}
     * has seen a valid code. The caller has checked the password ({@link LoginResult.SecondFactorEnrolmentRequired}
     * or a logged-in session).
     *
     * @throws AccountsException {@link AccountsException#TOTP_ALREADY_ENROLLED}
     */
    TotpEnrolment enrolTotp(UUID userId, String source);

    /** @throws AccountsException {@link AccountsException#INVALID_TOTP} for a wrong code or no enrolment under way */
    void confirmTotp(UUID userId, String code, String source);
}
