package io.reactivepay.rest.json;

import io.reactivepay.platform.money.Money;
import io.reactivepay.rest.problem.ApiException;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Amounts as the API takes them: a string of major units in plain decimal notation (no sign, no
 * exponent, at most 15 integer digits), with no more decimals than the currency has; currencies as
 * ISO 4217 codes that carry money (not XAU, XXX and the like).
 */
public final class Amounts {

    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,18})?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Amounts() {
    }

    public static Currency currency(String code, String field) {
        if (code != null && CODE.matcher(code).matches()) {
            try {
                Currency currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException e) {
                // refused below, with the field named
            }
        }
        throw ApiException.invalid(ApiException.INVALID_CURRENCY, field, "'" + field + "' must be an ISO 4217 currency code such as EUR");
    }

    /** A positive amount of the currency. */
    public static Money positive(String amount, Currency currency, String field) {
        Money money = parse(amount, currency, field);
        if (!money.isPositive()) {
            throw ApiException.invalid(ApiException.INVALID_AMOUNT, field, "'" + field + "' must be more than zero");
        }
        return money;
    }

    /** A non-negative amount of the currency (filters). */
    public static Money parse(String amount, Currency currency, String field) {
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw ApiException.invalid(ApiException.INVALID_AMOUNT, field,
                    "'" + field + "' is a decimal string of major units such as \"12.34\"");
        }
        try {
            return Money.parse(amount, currency);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(ApiException.INVALID_AMOUNT, field, "'" + field + "' has more than "
                    + currency.getDefaultFractionDigits() + " decimals for " + currency.getCurrencyCode());
        }
    }
}
