package io.reactivepay.vault.api;

import io.reactivepay.connector.api.Outcome;
import jakarta.ejb.Local;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

@Local
public interface CardVault {

    /**
     * Where the card-acquirer connection factory is bound. Only the vault authorises (the one call that
     * carries a card number); payments calls capture, cancel, refund and status itself, which go by the
     * acquirer's reference and carry no card data.
     */
    String CARD_ACQUIRER = "java:app/eis/card-acquirer";

    /**
     * Stores the number encrypted and returns its token.
     *
     * @throws VaultException {@code vault.invalid_card_number} (not 12 to 19 digits, Luhn fails) or
     *                        {@code vault.card_expired}
     */
    StoredCard tokenise(String number, YearMonth expiry);

    Optional<StoredCard> find(UUID token);

    /**
     * Authorises at the acquirer with the stored number and the given security code, outside any
     * transaction (a third party is never called inside one).
     *
     * @throws VaultException {@code vault.token_not_found}, {@code vault.card_expired}, {@code vault.invalid_security_code}
     */
    Outcome authorise(CardAuthorisation authorisation);
}
