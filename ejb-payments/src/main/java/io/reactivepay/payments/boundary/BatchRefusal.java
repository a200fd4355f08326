package io.reactivepay.payments.boundary;

import jakarta.ejb.ApplicationException;

/**
 * One payment of a batch was refused after the batch had started writing: the batch's transaction is
 * rolled back, the payment gets {@link #refusal()} and the others are written again without it.
 */
@ApplicationException(rollback = true)
public class BatchRefusal extends RuntimeException {

    private final int index;
    private final RuntimeException refusal;

    public BatchRefusal(int index, RuntimeException refusal) {
        super("Payment " + index + " of the batch was refused: " + refusal.getMessage(), null, false, false);
        this.index = index;
        this.refusal = refusal;
    }

    public int index() {
        return index;
    }

    public RuntimeException refusal() {
        return refusal;
    }
}
