package io.reactivepay.payments.api;

import io.reactivepay.platform.json.Jsons;
import io.reactivepay.platform.money.Money;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public JSON of payments, refunds, payouts, balances, settlements, chargebacks and webhook
 * deliveries: one place, so a stored {@link Receipt} and a later read of the same object look alike.
 * Amounts are strings in major units next to their currency ({@code "amount":"12.34","currency":"EUR"});
 * enum values are lower case; absent optional fields are left out; field order is fixed.
 */
public final class PaymentJson {

    private PaymentJson() {
    }

    public static String payment(PaymentView p) {
        return paymentObject(p).build().toString();
    }

    public static String refund(RefundView r) {
        return refundObject(r).build().toString();
    }

    public static String refunds(List<RefundView> refunds) {
        return list(refunds, PaymentJson::refundObject, Optional.empty());
    }

    public static String payments(Page<PaymentView> page) {
        return list(page.items(), PaymentJson::paymentObject, page.nextCursor());
    }

    public static String payout(PayoutView p) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                .add("id", p.id().toString())
                .add("object", "payout");
        money(o, "amount", p.amount());
        o.add("status", lower(p.status()));
        p.reference().ifPresent(v -> o.add("reference", v));
        p.settlementId().ifPresent(v -> o.add("settlementId", v.toString()));
        p.failureReason().ifPresent(v -> o.add("failureReason", v));
        o.add("createdAt", p.createdAt().toString()).add("updatedAt", p.updatedAt().toString());
        return o.build().toString();
    }

    public static String balances(List<BalanceView> balances) {
        JsonArrayBuilder items = Jsons.PROVIDER.createArrayBuilder();
        for (BalanceView b : balances) {
            items.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("currency", b.pending().currency().getCurrencyCode())
                    .add("pending", b.pending().toDecimalString())
                    .add("available", b.available().toDecimalString())
                    .add("reserved", b.reserved().toDecimalString()));
        }
        return Jsons.PROVIDER.createObjectBuilder().add("object", "balance").add("balances", items).build().toString();
    }

    public static String settlements(List<SettlementView> settlements) {
        return list(settlements, s -> {
            JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                    .add("id", s.id().toString())
                    .add("object", "settlement")
                    .add("day", s.day().toString())
                    .add("currency", s.net().currency().getCurrencyCode())
                    .add("gross", s.gross().toDecimalString())
                    .add("fees", s.fees().toDecimalString())
                    .add("refunds", s.refunds().toDecimalString())
                    .add("chargebacks", s.chargebacks().toDecimalString())
                    .add("net", s.net().toDecimalString())
                    .add("payments", s.payments());
            s.payoutId().ifPresent(v -> o.add("payoutId", v.toString()));
            return o.add("createdAt", s.createdAt().toString());
        }, Optional.empty());
    }

    public static String chargeback(ChargebackView c) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                .add("id", c.id().toString())
                .add("object", "chargeback")
                .add("paymentId", c.paymentId().toString());
        money(o, "amount", c.amount());
        o.add("status", lower(c.status())).add("reason", c.reason());
        c.fee().ifPresent(v -> o.add("fee", v.toDecimalString()));
        o.add("openedAt", c.openedAt().toString());
        c.closedAt().ifPresent(v -> o.add("closedAt", v.toString()));
        return o.build().toString();
    }

    public static String deliveries(Page<DeliveryView> page) {
        return list(page.items(), PaymentJson::deliveryObject, page.nextCursor());
    }

    public static String delivery(DeliveryView d) {
        return deliveryObject(d).build().toString();
    }

    public static String deliveryAttempts(List<DeliveryAttempt> attempts) {
        return list(attempts, a -> {
            JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                    .add("object", "webhook_attempt")
                    .add("attempt", a.attempt())
                    .add("url", a.url())
                    .add("startedAt", a.startedAt().toString());
            a.duration().ifPresent(v -> o.add("durationMs", v.toMillis()));
            a.httpStatus().ifPresent(v -> o.add("httpStatus", v));
            a.error().ifPresent(v -> o.add("error", v));
            return o;
        }, Optional.empty());
    }

    private static JsonObjectBuilder paymentObject(PaymentView p) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                .add("id", p.id().toString())
                .add("object", "payment")
                .add("reference", p.reference());
        p.description().ifPresent(v -> o.add("description", v));
        o.add("status", lower(p.status()))
                .add("method", lower(p.method()))
                .add("capture", lower(p.capture()));
        money(o, "amount", p.amount());
        o.add("captured", p.captured().toDecimalString())
                .add("refunded", p.refunded().toDecimalString());
        p.commission().ifPresent(c -> {
            JsonObjectBuilder fee = Jsons.PROVIDER.createObjectBuilder()
                    .add("amount", c.fee().toDecimalString())
                    .add("percent", c.percent().toPlainString())
                    .add("fixed", c.fixed().toDecimalString())
                    .add("minimum", c.minimum().toDecimalString());
            c.maximum().ifPresent(m -> fee.add("maximum", m.toDecimalString()));
            o.add("fee", fee);
        });
        p.risk().ifPresent(r -> {
            JsonArrayBuilder rules = Jsons.PROVIDER.createArrayBuilder();
            r.rules().forEach(rule -> rules.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("rule", rule.key()).add("score", rule.score())));
            o.add("risk", Jsons.PROVIDER.createObjectBuilder()
                    .add("decision", r.verdict().toLowerCase(Locale.ROOT))
                    .add("score", r.score())
                    .add("rules", rules));
        });
        p.card().ifPresent(v -> o.add("card", v));
        p.walletId().ifPresent(v -> o.add("walletId", v.toString()));
        p.checkoutUrl().ifPresent(v -> o.add("checkoutUrl", v.toString()));
        p.clientToken().ifPresent(v -> o.add("clientToken", v));
        p.challengeUrl().ifPresent(v -> o.add("challengeUrl", v.toString()));
        p.declineReason().ifPresent(v -> o.add("declineReason", v));
        p.authorisationExpiresAt().ifPresent(v -> o.add("authorisationExpiresAt", v.toString()));
        if (!p.metadata().isEmpty()) {
            JsonObjectBuilder metadata = Jsons.PROVIDER.createObjectBuilder();
            p.metadata().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> metadata.add(e.getKey(), e.getValue()));
            o.add("metadata", metadata);
        }
        return o.add("createdAt", p.createdAt().toString()).add("updatedAt", p.updatedAt().toString());
    }

    private static JsonObjectBuilder refundObject(RefundView r) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                .add("id", r.id().toString())
                .add("object", "refund")
                .add("paymentId", r.paymentId().toString());
        money(o, "amount", r.amount());
        o.add("status", lower(r.status()));
        r.reason().ifPresent(v -> o.add("reason", v));
        r.failureReason().ifPresent(v -> o.add("failureReason", v));
        return o.add("createdAt", r.createdAt().toString()).add("updatedAt", r.updatedAt().toString());
    }

    private static JsonObjectBuilder deliveryObject(DeliveryView d) {
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder()
                .add("id", d.id().toString())
                .add("object", "webhook_delivery")
                .add("eventId", d.eventId().toString())
                .add("eventType", d.eventType())
                .add("url", d.url())
                .add("status", lower(d.status()))
                .add("attempts", d.attempts());
        d.lastHttpStatus().ifPresent(v -> o.add("lastHttpStatus", v));
        d.lastError().ifPresent(v -> o.add("lastError", v));
        d.nextAttemptAt().ifPresent(v -> o.add("nextAttemptAt", v.toString()));
        o.add("createdAt", d.createdAt().toString());
        d.deliveredAt().ifPresent(v -> o.add("deliveredAt", v.toString()));
        return o;
    }

    private static <T> String list(List<T> items, Function<T, JsonObjectBuilder> render, Optional<String> next) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        items.forEach(item -> array.add(render.apply(item)));
        JsonObjectBuilder o = Jsons.PROVIDER.createObjectBuilder().add("object", "list").add("data", array);
        next.ifPresent(v -> o.add("nextCursor", v));
        return o.build().toString();
    }

    private static void money(JsonObjectBuilder o, String name, Money money) {
        o.add(name, money.toDecimalString()).add("currency", money.currency().getCurrencyCode());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
