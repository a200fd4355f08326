package io.reactivepay.payments.boundary;

import io.reactivepay.payments.api.Receipt;
import io.reactivepay.platform.concurrent.GroupCommit;
import jakarta.ejb.Local;
import java.util.List;

/** Wallet payments written many to a transaction (group commit); not part of the module's api. */
@Local
public interface PaymentBatches {

    /**
     * Takes the payments in one transaction, each with the outcome it would have had on its own.
     * Idempotency keys must be distinct within the list.
     *
     * @throws BatchRefusal when one payment is refused after writing began (the batch is rolled back)
     */
    List<GroupCommit.Outcome<Receipt>> createAll(List<WalletCall> calls);
}
