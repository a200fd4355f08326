package io.reactivepay.accounts.api;

/** Where a merchant's settlements are paid; the IBAN is validated (mod 97) and stored encrypted. */
public record BankAccount(String holder, String iban, String bic) {

    @Override
    public String toString() {
        return "BankAccount[holder=" + holder + ", iban=…" + (iban == null || iban.length() < 4 ? "" : iban.substring(iban.length() - 4))
                + ", bic=" + bic + "]";
    }
}
