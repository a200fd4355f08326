package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/** Customer profiles: pale ones from payments, wallet sign-ups, contact verification. */
@Local
public interface Profiles {

    /**
     * The profile of a payer, found by e-mail or phone, or created pale (origin PAYMENT) on the first
     * payment. At least one of e-mail and phone is needed.
     *
     * @throws AccountsException {@link AccountsException#INVALID_PERSONAL_DATA}
     */
    CustomerProfile payer(String email, String phone, String name);

    /**
     * Opens a wallet. A pale profile with the same phone or e-mail becomes the wallet's profile.
     *
     * @throws AccountsException {@link AccountsException#INVALID_PERSONAL_DATA},
     *                           {@link AccountsException#PROFILE_EXISTS} if a wallet already has the phone or e-mail
     */
    CustomerProfile signUp(WalletSignUp signUp);

    Optional<CustomerProfile> find(UUID profileId);

    Optional<CustomerProfile> findByEmail(String email);

    Optional<CustomerProfile> findByPhone(String phone);

    /**
     * A new code for the channel, replacing any pending one.
     *
     * @throws AccountsException {@link AccountsException#PROFILE_NOT_FOUND}, or
     *                           {@link AccountsException#INVALID_PERSONAL_DATA} if the profile has no such contact
     */
    VerificationCode startVerification(UUID profileId, ContactChannel channel);

    /** Checks an entered code; a wrong entry is counted (and kept) even though the call returns normally. */
    VerificationResult verify(UUID profileId, ContactChannel channel, String code);
}
