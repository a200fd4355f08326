package io.reactivepay.wallet.api;

import jakarta.ejb.Local;
import java.util.UUID;

/** Codes sent by text message to prove a customer holds a phone. */
@Local
public interface OneTimeCodes {

    /**
     * Sends a fresh six-digit code to the phone.
     *
     * @throws WalletException {@link WalletException#CODE_NOT_DELIVERED} if the gateway did not take it
     */
    CodeChallenge send(String phone);

    /** Whether the code answers the challenge; a challenge is good for one success and five tries. */
    boolean verify(UUID challengeId, String code);
}
