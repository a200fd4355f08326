package io.reactivepay.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * Runs a step in a transaction of its own. Payouts and settlement alternate between our transactions
 * and calls to the bank, which must never run inside one: attempt (commit), call, outcome (commit).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NewTransaction {

    public <T> T call(Supplier<T> step) {
        return step.get();
    }
}
