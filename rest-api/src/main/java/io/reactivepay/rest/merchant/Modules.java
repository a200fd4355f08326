package io.reactivepay.rest.merchant;

import io.reactivepay.payments.api.Payments;
import io.reactivepay.payments.api.Payouts;
import io.reactivepay.payments.api.Settlements;
import io.reactivepay.payments.api.Webhooks;
import io.reactivepay.rest.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payments module's beans, resolved when first used rather than at deployment: the API deploys
 * (and answers 503 {@code api.service_unavailable} for what is missing) while a module is still being
 * built. Each reference is resolved once and kept; a stateless session bean's reference serves any
 * number of threads.
 */
@ApplicationScoped
public class Modules {

    @Inject
    Instance<Payments> payments;

    @Inject
    Instance<Payouts> payouts;

    @Inject
    Instance<Settlements> settlements;

    @Inject
    Instance<Webhooks> webhooks;

    private final ConcurrentHashMap<Class<?>, Object> resolved = new ConcurrentHashMap<>();

    public Payments payments() {
        return resolve(Payments.class, payments);
    }

    public Payouts payouts() {
        return resolve(Payouts.class, payouts);
    }

    public Settlements settlements() {
        return resolve(Settlements.class, settlements);
    }

    public Webhooks webhooks() {
        return resolve(Webhooks.class, webhooks);
    }

    private <T> T resolve(Class<T> type, Instance<T> instance) {
        Object bean = resolved.get(type);
        if (bean == null) {
            if (!instance.isResolvable()) {
                throw new ApiException(503, ApiException.SERVICE_UNAVAILABLE, null,
                        type.getSimpleName() + " is not available on this server");
            }
            bean = resolved.computeIfAbsent(type, key -> instance.get());
        }
        return type.cast(bean);
    }
}
