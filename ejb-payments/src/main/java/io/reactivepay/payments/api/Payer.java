package io.reactivepay.payments.api;

import java.util.Objects;
import java.util.UUID;

/** Who pays and how, as the merchant's request says it. */
public sealed interface Payer {

    PaymentMethod method();

    /**
     * A card the customer will enter at the hosted checkout: the payment is {@link PaymentStatus#CREATED}
     * with a checkout URL and a client token.
     */
    record Checkout() implements Payer {
        @Override
        public PaymentMethod method() {
            return PaymentMethod.CARD;
        }
    }

    /**
     * A card the vault already holds (server to server). The security code is used for this one
     * authorisation and never stored; {@link #toString()} never shows it.
     */
    record CardToken(UUID token, String securityCode) implements Payer {
        public CardToken {
            if (token == null) {
                throw PaymentsException.invalid("card.token", "The card token is required");
            }
            if (securityCode != null && !securityCode.matches("[0-9]{3,4}")) {
                throw PaymentsException.invalid("card.securityCode", "A security code has 3 or 4 digits");
            }
        }

        @Override
        public PaymentMethod method() {
            return PaymentMethod.CARD;
        }

        @Override
        public String toString() {
            return "CardToken[token=" + token + "]";
        }
    }

    /**
     * A ReactivePay wallet, debited at once. {@code customerToken} is the wallet owner's token (a
     * customer JWT) and is their consent; {@link #toString()} never shows it.
     */
    record Wallet(UUID walletId, String customerToken) implements Payer {
        public Wallet {
            if (walletId == null) {
                throw PaymentsException.invalid("wallet.id", "The wallet id is required");
            }
            if (customerToken == null || customerToken.isBlank()) {
                throw PaymentsException.invalid("wallet.customerToken", "The wallet owner's token is required");
            }
            Objects.requireNonNull(customerToken);
        }

        @Override
        public PaymentMethod method() {
            return PaymentMethod.WALLET;
        }

        @Override
        public String toString() {
            return "Wallet[walletId=" + walletId + "]";
        }
    }
}
