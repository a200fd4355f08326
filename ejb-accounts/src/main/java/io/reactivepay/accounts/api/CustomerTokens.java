package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.UUID;

/** MicroProfile JWTs (RS256) for wallet customers, verified by Payara's MP-JWT on the wallet API. */
@Local
public interface CustomerTokens {

    /** Group every customer token carries ({@code @RolesAllowed("customer")}). */
    String CUSTOMER_GROUP = "customer";

    /**
     * A token for a wallet customer, issued after the wallet checked the customer's one-time code.
     *
     * @throws AccountsException {@link AccountsException#PROFILE_NOT_FOUND}, or {@link AccountsException#FORBIDDEN}
     *                           for a pale profile (no wallet)
     */
    IssuedToken issue(UUID profileId);

    /**
     * The customer a token was issued to, for modules that take a customer's token as consent (a
     * merchant paying from the customer's wallet): the signature, issuer, group and expiry are checked.
     *
     * @throws AccountsException {@link AccountsException#FORBIDDEN} for a token that is not a valid customer token
     */
    UUID verify(String token);
}
