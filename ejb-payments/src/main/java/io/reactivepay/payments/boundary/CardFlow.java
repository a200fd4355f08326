package io.reactivepay.payments.boundary;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.acquiring.Settlement;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.vault.api.CardAuthorisation;
import io.reactivepay.vault.api.CardVault;
import io.reactivepay.vault.api.VaultException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The acquirer calls between two recorded transitions. They run with no transaction: the attempt is
 * committed before, the outcome after. Authorisations go through the vault, the only holder of card
 * numbers; capture, cancel, refund and status carry only references, so they are called here directly
 * (routing them through the vault would widen its surface for no data it protects). Every failure to
 * talk to the acquirer is an {@link Outcome.Unknown}, never an exception that would lose the attempt.
 */
final class CardFlow {

    private static final System.Logger LOG = System.getLogger(CardFlow.class.getName());

    private final PaymentSteps steps;
    private final CardVault vault;
    private final CardAcquiringConnectionFactory acquirer;

    CardFlow(PaymentSteps steps, CardVault vault, CardAcquiringConnectionFactory acquirer) {
        this.steps = steps;
        this.vault = vault;
        this.acquirer = acquirer;
    }

    /** Authorises, records the outcome and, for an automatic capture, captures at once. */
    Receipt authorise(Optional<MerchantCall> call, Step.Authorise step, String securityCode) {
        Outcome outcome;
        try {
            outcome = vault.authorise(new CardAuthorisation(step.cardToken(), securityCode, step.requestId(),
                    step.amount(), step.returnUrl()));
        } catch (VaultException e) {
            // refused before the acquirer saw anything: a decline with the vault's reason
            String code = e.errorCode().code();
            outcome = new Outcome.Declined(code.substring(code.indexOf('.') + 1).toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Authorisation {0} has no answer: {1}", step.requestId(), e.toString());
            outcome = new Outcome.Unknown(e.toString());
        }
        return afterAuthorisation(call, step, outcome);
    }

    /** Records an authorisation outcome (from the call or a status query) and captures if the payment asks for it. */
    Receipt afterAuthorisation(Optional<MerchantCall> call, Step.Authorise step, Outcome outcome) {
        Receipt receipt = steps.authorised(call, step.paymentId(), outcome);
        if (!(outcome instanceof Outcome.Approved)) {
            return receipt;
        }
        PaymentView payment = steps.find(step.paymentId()).orElseThrow();
        if (payment.status() != PaymentStatus.AUTHORISED || payment.capture() != CaptureMode.AUTOMATIC) {
            return receipt;
        }
        String reference = ((Outcome.Approved) outcome).reference();
        Outcome capture = settle(connection -> connection.capture(new Settlement(step.paymentId() + ":capture",
                reference, step.amount())));
        if (capture instanceof Outcome.Approved) {
            return steps.captured(call, step.paymentId(), step.amount(), 201);
        }
        LOG.log(System.Logger.Level.WARNING, "Automatic capture of {0} did not happen ({1}); it stays authorised",
                step.paymentId(), capture);
        return steps.asItIs(call, step.paymentId());
    }

    Outcome status(String requestId) {
        return settle(connection -> connection.status(requestId));
    }

    Outcome capture(Step.Settle step) {
        return settle(connection -> connection.capture(new Settlement(step.requestId(), step.reference(), step.amount())));
    }

    Outcome refund(Step.Settle step) {
        return settle(connection -> connection.refund(new Settlement(step.requestId(), step.reference(), step.amount())));
    }

    Outcome cancel(Step.Cancel step) {
        return settle(connection -> connection.cancel(step.requestId(), step.reference()));
    }

    private Outcome settle(Function<CardAcquiringConnection, Outcome> call) {
        try (CardAcquiringConnection connection = acquirer.getConnection()) {
            return call.apply(connection);
        } catch (RuntimeException e) {
            return new Outcome.Unknown(e.toString());
        }
    }
}
