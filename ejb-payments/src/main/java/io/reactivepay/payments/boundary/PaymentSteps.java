package io.reactivepay.payments.boundary;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.Page;
import io.reactivepay.payments.api.PaymentQuery;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.RefundView;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment transitions, each one transaction with its ledger entry, its outbox event and its
 * receipt. {@link PaymentsBean} strings them together around the acquirer calls, which run between
 * them and never inside one. Not part of the module's api.
 */
@Local
public interface PaymentSteps {

    Step create(MerchantCall call, NewPayment payment);

    /** Records an authorisation's outcome; {@code call} is empty when a job or the checkout resolved it. */
    Receipt authorised(Optional<MerchantCall> call, UUID paymentId, Outcome outcome);

    Step beginCapture(MerchantCall call, UUID paymentId, Optional<Money> amount);

    Receipt captured(Optional<MerchantCall> call, UUID paymentId, Money amount, int httpStatus);

    /** Completes the create call's receipt with the payment as it is (an automatic capture that did not happen). */
    Receipt asItIs(Optional<MerchantCall> call, UUID paymentId);

    Step beginVoid(MerchantCall call, UUID paymentId);

    Receipt voided(MerchantCall call, UUID paymentId);

    Step beginRefund(MerchantCall call, UUID paymentId, NewRefund refund);

    Receipt refunded(Optional<MerchantCall> call, UUID refundId, Outcome outcome);

    /** Frees a key whose call was refused after it had been claimed in an earlier transaction. */
    void release(MerchantCall call);

    Step.Authorise checkout(String clientToken, UUID cardToken);

    PaymentView decideReview(UUID paymentId, boolean approve, String note, String reviewer);

    Optional<PaymentView> find(UUID paymentId);

    Page<PaymentView> list(UUID merchantId, PaymentQuery query);

    List<RefundView> refunds(UUID paymentId);

    Optional<PaymentView> findByClientToken(String clientToken);

    /** Leases up to {@code limit} payments whose authorisation outcome is still unknown. */
    List<Step.Authorise> leaseUnresolved(int limit);

    /** Leases up to {@code limit} card refunds the acquirer has not answered, to ask again. */
    List<Step.Settle> leasePendingRefunds(int limit);

    /** Expires up to {@code limit} authorisations past their time; a card's comes with the acquirer reference to cancel. */
    List<Step.Cancel> expireDue(int limit);
}
