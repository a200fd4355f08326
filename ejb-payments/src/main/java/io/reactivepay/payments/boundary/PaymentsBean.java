package io.reactivepay.payments.boundary;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.Page;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentQuery;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.Payments;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.payments.api.RefundView;
import io.reactivepay.platform.money.Money;
import io.reactivepay.vault.api.CardVault;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The merchant's payments. Money-moving calls string transitions ({@link PaymentSteps}, one transaction
 * each) around the acquirer's calls, so this bean only SUPPORTS a transaction: called without one,
 * every transition commits on its own and the acquirer is called between them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PaymentsBean implements Payments {

    @Resource(lookup = CardVault.CARD_ACQUIRER)
    CardAcquiringConnectionFactory acquirer;

    @EJB
    PaymentSteps steps;

    @EJB
    CardVault vault;

    @Override
    public Receipt create(MerchantCall call, NewPayment payment) {
        Step step = steps.create(call, payment);
        if (step instanceof Step.Authorise authorise) {
            String securityCode = payment.payer() instanceof Payer.CardToken card ? card.securityCode() : null;
            return flow().authorise(Optional.of(call), authorise, securityCode);
        }
        return ((Step.Answer) step).receipt();
    }

    @Override
    public Receipt capture(MerchantCall call, UUID paymentId, Optional<Money> amount) {
        Step step = steps.beginCapture(call, paymentId, amount == null ? Optional.empty() : amount);
        if (step instanceof Step.Settle settle) {
            Outcome outcome = flow().capture(settle);
            refuseUnlessApproved(call, outcome, "capture");
            return steps.captured(Optional.of(call), paymentId, settle.amount(), 200);
        }
        return ((Step.Answer) step).receipt();
    }

    @Override
    public Receipt voidPayment(MerchantCall call, UUID paymentId) {
        Step step = steps.beginVoid(call, paymentId);
        if (step instanceof Step.Cancel cancel) {
            refuseUnlessApproved(call, flow().cancel(cancel), "void");
            return steps.voided(call, paymentId);
        }
        return ((Step.Answer) step).receipt();
    }

    @Override
    public Receipt refund(MerchantCall call, UUID paymentId, NewRefund refund) {
        Step step = steps.beginRefund(call, paymentId, refund);
        if (step instanceof Step.Settle settle) {
            // a refund the acquirer has not confirmed stays pending; its request id makes asking again safe
            return steps.refunded(Optional.of(call), settle.resourceId(), flow().refund(settle));
        }
        return ((Step.Answer) step).receipt();
    }

    /** A capture or void the acquirer refused or did not answer leaves nothing here, its key included. */
    private void refuseUnlessApproved(MerchantCall call, Outcome outcome, String what) {
        if (outcome instanceof Outcome.Approved) {
            return;
        }
        steps.release(call);
        if (outcome instanceof Outcome.Declined declined) {
            throw new PaymentsException(PaymentsException.INVALID_STATE,
                    "The acquirer refused the " + what + ": " + declined.reason());
        }
        throw new PaymentsException(PaymentsException.CONNECTOR_UNAVAILABLE,
                "The acquirer did not answer the " + what + "; it may be asked again with the same key");
    }

    @Override
    public Optional<PaymentView> find(UUID merchantId, UUID paymentId) {
        return steps.find(paymentId).filter(p -> p.merchantId().equals(merchantId));
    }

    @Override
    public Page<PaymentView> list(UUID merchantId, PaymentQuery query) {
        return steps.list(merchantId, query);
    }

    @Override
    public List<RefundView> refunds(UUID merchantId, UUID paymentId) {
        if (find(merchantId, paymentId).isEmpty()) {
            throw new PaymentsException(PaymentsException.PAYMENT_NOT_FOUND, "No payment " + paymentId);
        }
        return steps.refunds(paymentId);
    }

    @Override
    public Optional<PaymentView> findByClientToken(String clientToken) {
        return clientToken == null || clientToken.isBlank() ? Optional.empty() : steps.findByClientToken(clientToken);
    }

    @Override
    public PaymentView payAtCheckout(String clientToken, UUID cardToken, String securityCode) {
        Step.Authorise step = steps.checkout(clientToken, cardToken);
        flow().authorise(Optional.empty(), step, securityCode);
        return steps.find(step.paymentId()).orElseThrow();
    }

    @Override
    public PaymentView decideReview(UUID paymentId, boolean approve, String note, String reviewer) {
        return steps.decideReview(paymentId, approve, note, reviewer);
    }

    private CardFlow flow() {
        return new CardFlow(steps, vault, acquirer);
    }
}
