package io.reactivepay.accounts.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer as other modules see it, decrypted. {@code toString} leaves the personal data out, so a
 * profile logged by mistake shows nothing personal.
 */
public record CustomerProfile(UUID id, Origin origin, Optional<String> email, Optional<String> phone,
                              Optional<String> name, Optional<LocalDate> birthDate, Optional<String> address,
                              Optional<String> country, boolean emailVerified, boolean phoneVerified, KycLevel level) {

    /** PAYMENT: a pale profile made from the payer's data on a first payment; WALLET: signed up. */
    public enum Origin { PAYMENT, WALLET }

    @Override
    public String toString() {
        return "CustomerProfile[id=" + id + ", origin=" + origin + ", level=" + level + "]";
    }
}
