package io.reactivepay.payments.control;

import io.reactivepay.payments.api.ChargebackView;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.RefundView;
import io.reactivepay.platform.event.EventEnvelope;
import io.reactivepay.platform.event.Topics;
import java.util.UUID;

/**
 * The {@code payments.events} contract webhooks rely on: the type names the transition, the payload is
 * {@code {"merchantId":..., "data":<the public JSON after the change>}}, the key is the payment id so
 * one payment's events keep their order.
 */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    public static EventEnvelope payment(String type, PaymentView payment) {
        return payment(type, payment, PaymentJson.payment(payment));
    }

    /** The event with the payment's public JSON made already ({@code PaymentJson.payment(payment)}). */
    public static EventEnvelope payment(String type, PaymentView payment, String json) {
        return envelope(type, payment.id(), payment.merchantId(), json);
    }

    public static EventEnvelope refund(String type, RefundView refund, UUID merchantId) {
        return envelope(type, refund.paymentId(), merchantId, PaymentJson.refund(refund));
    }

    public static EventEnvelope chargeback(String type, ChargebackView chargeback, UUID merchantId) {
        return envelope(type, chargeback.paymentId(), merchantId, PaymentJson.chargeback(chargeback));
    }

    private static EventEnvelope envelope(String type, UUID paymentId, UUID merchantId, String data) {
        // data is already JSON; a UUID needs no escaping
        return EventEnvelope.of(Topics.PAYMENTS_EVENTS, paymentId.toString(), type,
                "{\"merchantId\":\"" + merchantId + "\",\"data\":" + data + "}");
    }
}
