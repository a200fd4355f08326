package io.reactivepay.payments.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A merchant's payments. Every money-moving call takes a {@link MerchantCall} and answers with a
 * {@link Receipt} stored under its idempotency key in the transaction of the change: a repeated call
 * replays it, concurrent duplicates make one change. Each state change is one transaction with its
 * ledger entry and its {@code payments.events} event; a third party is never called inside one.
 * Reads are scoped to the merchant: another merchant's payment is not found.
 */
@Local
public interface Payments {

    /**
     * Takes a payment. It is screened for fraud first (a decline or a hold for review is a payment with
     * that status, not an error). A wallet is debited at once; a vault card is authorised at the acquirer
     * (outside any transaction); a checkout payment waits for the customer as {@link PaymentStatus#CREATED}
     * with its checkout URL and client token. Answers 201 with the payment.
     *
     * @throws PaymentsException invalid request, merchant not active, wallet not the customer's, key reused
     */
    Receipt create(MerchantCall call, NewPayment payment);

    /** Captures all ({@code amount} empty) or part of an authorised payment; the rest is released. */
    Receipt capture(MerchantCall call, UUID paymentId, Optional<Money> amount);

    /** Releases an authorised payment without taking money. */
    Receipt voidPayment(MerchantCall call, UUID paymentId);

    /** Refunds all that is left or part of a captured payment; several refunds up to the captured amount. */
    Receipt refund(MerchantCall call, UUID paymentId, NewRefund refund);

    Optional<PaymentView> find(UUID merchantId, UUID paymentId);

    Page<PaymentView> list(UUID merchantId, PaymentQuery query);

    /** @throws PaymentsException {@link PaymentsException#PAYMENT_NOT_FOUND} */
    List<RefundView> refunds(UUID merchantId, UUID paymentId);

    /** The payment a hosted checkout page shows, by the client token it was created with. */
    Optional<PaymentView> findByClientToken(String clientToken);

    /**
     * Pays a {@link PaymentStatus#CREATED} payment with a card the checkout just put in the vault.
     *
     * @throws PaymentsException {@link PaymentsException#INVALID_STATE} if it is not waiting for a card
     */
    PaymentView payAtCheckout(String clientToken, UUID cardToken, String securityCode);

    /**
     * Continues a payment held for review: approved, it goes on as if screening had allowed it;
     * declined, it is declined. Both are audited with the reviewer and the note.
     */
    PaymentView decideReview(UUID paymentId, boolean approve, String note, String reviewer);
}
