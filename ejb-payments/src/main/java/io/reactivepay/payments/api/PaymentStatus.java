package io.reactivepay.payments.api;

/** Where a payment is in its lifecycle. */
public enum PaymentStatus {
    /** Recorded, waiting for the customer to pay at the hosted checkout. */
    CREATED,
    /** Held by fraud screening for a risk manager's decision. */
    HELD,
    /** Sent to the acquirer; its answer is not known yet (in flight, or lost and being resolved). */
    AUTHORISING,
    /** The customer must complete a 3-D Secure challenge at the payment's challenge URL. */
    ACTION_REQUIRED,
    /** Money reserved (a ledger hold), not yet captured; expires if not captured in time. */
    AUTHORISED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    /** Refused by fraud screening, the acquirer or the wallet; nothing moved. */
    DECLINED,
    /** Could not be completed for a technical reason; nothing moved. */
    FAILED,
    VOIDED,
    EXPIRED,
    /** A chargeback is open; the disputed amount is held in the chargeback reserve. */
    CHARGEBACK,
    /** The chargeback was lost: the money went back to the cardholder. */
    CHARGED_BACK
}
