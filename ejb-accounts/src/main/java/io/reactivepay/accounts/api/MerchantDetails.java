package io.reactivepay.accounts.api;

import java.util.List;
import java.util.Optional;

/**
 * Everything about a merchant a console shows: legal data, the settlement account with the IBAN
 * masked ({@code DE•• •••• 3000}), the webhook URL (never its secret) and the allowed networks.
 */
public record MerchantDetails(Merchant merchant, Optional<String> registrationNumber, Optional<String> legalAddress,
                              Optional<String> country, Optional<String> accountHolder, Optional<String> maskedIban,
                              Optional<String> bic, Optional<String> webhookUrl, List<String> allowedNetworks) {
}
