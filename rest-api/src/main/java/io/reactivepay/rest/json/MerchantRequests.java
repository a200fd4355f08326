package io.reactivepay.rest.json;

import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.Customer;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewPayout;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.platform.money.Money;
import io.reactivepay.rest.problem.ApiException;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The request bodies of the merchant API, read strictly into the payments api's records. */
public final class MerchantRequests {

    static final Set<String> PAYMENT = Set.of("amount", "currency", "reference", "description", "method", "card",
            "wallet", "capture", "customer", "returnUrl", "metadata");
    static final Set<String> CARD = Set.of("token", "securityCode");
    static final Set<String> WALLET = Set.of("id", "customerToken");
    static final Set<String> CUSTOMER = Set.of("email", "phone", "ip", "country", "deviceId");
    static final Set<String> AMOUNT = Set.of("amount", "currency");
    static final Set<String> REFUND = Set.of("amount", "currency", "reason");
    static final Set<String> PAYOUT = Set.of("amount", "currency", "reference");

    private MerchantRequests() {
    }

    public static NewPayment payment(byte[] body) {
        JsonFields json = JsonFields.parse(body, false, PAYMENT);
        Currency currency = Amounts.currency(json.requiredString("currency", 3), "currency");
        Money amount = Amounts.positive(json.requiredString("amount", 40), currency, "amount");
        String reference = json.requiredString("reference", 100);
        String method = json.choice("method", Set.of("card", "wallet")).orElseThrow(() -> json.missing("method"));
        Payer payer;
        if (method.equals("wallet")) {
            if (json.has("card")) {
                throw ApiException.invalid(ApiException.INVALID_FIELD, "card", "'card' goes with method 'card' only");
            }
            JsonFields wallet = json.object("wallet", WALLET).orElseThrow(() -> json.missing("wallet"));
            payer = new Payer.Wallet(wallet.uuid("id").orElseThrow(() -> wallet.missing("id")),
                    wallet.requiredString("customerToken", 4000));
        } else {
            if (json.has("wallet")) {
                throw ApiException.invalid(ApiException.INVALID_FIELD, "wallet", "'wallet' goes with method 'wallet' only");
            }
            Optional<JsonFields> card = json.object("card", CARD);
            payer = card.isEmpty() ? new Payer.Checkout()
                    : new Payer.CardToken(card.get().uuid("token").orElseThrow(() -> card.get().missing("token")),
                            card.get().string("securityCode", 4).orElse(null));
        }
        CaptureMode capture = json.choice("capture", Set.of("automatic", "manual"))
                .map(mode -> mode.equals("manual") ? CaptureMode.MANUAL : CaptureMode.AUTOMATIC).orElse(CaptureMode.AUTOMATIC);
        Customer customer = json.object("customer", CUSTOMER).map(MerchantRequests::customer).orElse(Customer.UNKNOWN);
        return new NewPayment(amount, reference, json.string("description", 500).orElse(null), payer, capture, customer,
                json.url("returnUrl").orElse(null), json.stringMap("metadata", 20, 40, 500).orElse(Map.of()));
    }

    private static Customer customer(JsonFields customer) {
        return new Customer(customer.string("email", 320).orElse(null), customer.string("phone", 32).orElse(null),
                customer.string("ip", 45).orElse(null), customer.string("country", 2).orElse(null),
                customer.string("deviceId", 200).orElse(null));
    }

    /** {@code {"amount","currency"}} or nothing at all (the whole amount). */
    public static Optional<Money> optionalAmount(byte[] body) {
        return amountOf(JsonFields.parse(body, true, AMOUNT));
    }

    /** An empty body or {@code {}}: void takes no parameters. */
    public static void nothing(byte[] body) {
        JsonFields.parse(body, true, Set.of());
    }

    public static NewRefund refund(byte[] body) {
        JsonFields json = JsonFields.parse(body, true, REFUND);
        return new NewRefund(amountOf(json), json.string("reason", 500));
    }

    public static NewPayout payout(byte[] body) {
        JsonFields json = JsonFields.parse(body, false, PAYOUT);
        Currency currency = Amounts.currency(json.requiredString("currency", 3), "currency");
        return new NewPayout(Amounts.positive(json.requiredString("amount", 40), currency, "amount"),
                json.string("reference", 100).orElse(null));
    }

    private static Optional<Money> amountOf(JsonFields json) {
        if (!json.has("amount") && !json.has("currency")) {
            return Optional.empty();
        }
        Currency currency = Amounts.currency(json.requiredString("currency", 3), "currency");
        return Optional.of(Amounts.positive(json.requiredString("amount", 40), currency, "amount"));
    }
}
