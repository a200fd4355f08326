package io.reactivepay.accounts.api;

import java.time.LocalDate;

/** What a customer enters to open a wallet; only the phone is required. Nulls are left empty. */
public record WalletSignUp(String phone, String email, String name, LocalDate birthDate, String address, String country) {

    @Override
    public String toString() {
        return "WalletSignUp[<personal data>]";
    }
}
