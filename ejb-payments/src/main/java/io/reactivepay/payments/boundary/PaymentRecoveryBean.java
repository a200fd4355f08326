package io.reactivepay.payments.boundary;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.vault.api.CardVault;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what the acquirer left open and expires what merchants left uncaptured. Safe with several
 * instances: rows are taken with {@code SKIP LOCKED} and leased by moving their next check on, so two
 * instances never ask about the same payment at once. Unknown outcomes are resolved by asking the
 * acquirer's status, never by sending the authorisation again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentRecoveryBean {

    private static final System.Logger LOG = System.getLogger(PaymentRecoveryBean.class.getName());

    @EJB
    PaymentSteps steps;

    @EJB
    CardVault vault;

    @Resource(lookup = CardVault.CARD_ACQUIRER)
    CardAcquiringConnectionFactory acquirer;

    /** Asks the acquirer about up to {@code limit} unknown or challenged authorisations; returns how many were asked. */
    public int resolveUnknown(int limit) {
        CardFlow flow = new CardFlow(steps, vault, acquirer);
        List<Step.Authorise> due = steps.leaseUnresolved(limit);
        for (Step.Authorise payment : due) {
            Outcome outcome = flow.status(payment.requestId());
            flow.afterAuthorisation(Optional.empty(), payment, outcome);
        }
        return due.size();
    }

    /**
     * Asks again about up to {@code limit} card refunds the acquirer did not answer. The request id is the
     * refund's, and the acquirer answers a repeated request with its first answer, so this finds out what
     * happened rather than refunding twice.
     */
    public int resolveRefunds(int limit) {
        CardFlow flow = new CardFlow(steps, vault, acquirer);
        List<Step.Settle> due = steps.leasePendingRefunds(limit);
        for (Step.Settle refund : due) {
            steps.refunded(Optional.empty(), refund.resourceId(), flow.refund(refund));
        }
        return due.size();
    }

    /** Expires up to {@code limit} authorisations past their time and cancels them at the acquirer. */
    public int expireDue(int limit) {
        CardFlow flow = new CardFlow(steps, vault, acquirer);
        List<Step.Cancel> cancels = steps.expireDue(limit);
        for (Step.Cancel cancel : cancels) {
            if (cancel.reference() == null) {
                continue;
            }
            // the payment is expired either way; an acquirer that does not confirm lets the authorisation lapse
            Outcome outcome = flow.cancel(cancel);
            if (!(outcome instanceof Outcome.Approved)) {
                LOG.log(System.Logger.Level.WARNING, "Cancelling expired payment {0} at the acquirer: {1}",
                        cancel.paymentId(), outcome);
            }
        }
        return cancels.size();
    }
}
