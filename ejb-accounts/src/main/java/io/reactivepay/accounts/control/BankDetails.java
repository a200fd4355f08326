package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.BankAccount;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates a bank account: the IBAN's structure and its ISO 13616 check digits (mod 97), the BIC's form. */
public final class BankDetails {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private BankDetails() {
    }

    /** The account with the IBAN and BIC normalised (upper case, no spaces). */
    public static BankAccount validated(BankAccount account) {
        if (account == null) {
            throw invalid("A bank account is needed");
        }
        String holder = PersonalData.text(account.holder(), 200, "The account holder", AccountsException.INVALID_BANK_ACCOUNT);
        String iban = account.iban() == null ? "" : account.iban().replace(" ", "").toUpperCase(Locale.ROOT);
        if (holder == null || !IBAN.matcher(iban).matches() || mod97(iban) != 1) {
            throw invalid("The IBAN is not valid");
        }
        String bic = account.bic() == null ? null : account.bic().replace(" ", "").toUpperCase(Locale.ROOT);
        if (bic != null && !BIC.matcher(bic).matches()) {
            throw invalid("The BIC is not valid");
        }
        return new BankAccount(holder, iban, bic);
    }

    /** The remainder of the IBAN, rearranged (country and check digits to the end, letters as 10..35), mod 97. */
    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.digit(c, 36);
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
        }
        return remainder;
    }

    private static AccountsException invalid(String message) {
        return new AccountsException(AccountsException.INVALID_BANK_ACCOUNT, message);
    }
}
