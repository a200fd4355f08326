package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.Payments;
import io.reactivepay.payments.api.Payouts;
import io.reactivepay.payments.api.Settlements;
import io.reactivepay.payments.api.Webhooks;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The payments module's beans, injected once for every resource: an {@code @EJB} reference of a
 * stateless session bean serves any number of threads. (A CDI {@code Instance} of an EJB, or an
 * {@code @EJB} in a request-scoped resource, costs a JNDI lookup per request: 5 % of the server's CPU
 * in the payment benchmark.)
 */
@ApplicationScoped
public class Modules {

    @EJB
    Payments payments;

    @EJB
    Payouts payouts;

    @EJB
    Settlements settlements;

    @EJB
    Webhooks webhooks;

    public Payments payments() {
        return payments;
    }

    public Payouts payouts() {
        return payouts;
    }

    public Settlements settlements() {
        return settlements;
    }

    public Webhooks webhooks() {
        return webhooks;
    }
}
