package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.payments.control.PaymentsConfig;
import io.reactivepay.platform.concurrent.GroupCommit;
import io.reactivepay.platform.concurrent.OnFirstUse;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Group commit of wallet payments captured at once, the hot path of the benchmark. A transaction per
 * payment costs a commit and, on a small machine, the commit is what limits throughput; so a call made
 * without a transaction of its own is queued, and writer threads take many payments per transaction
 * ({@link PaymentBatches}). A call inside the caller's transaction is not batched: its payment must
 * commit or roll back with the caller's own changes.
 */
@ApplicationScoped
public class WalletBatches {

    @EJB
    PaymentBatches batches;

    @EJB
    PaymentSteps steps;

    @EJB
    CustomerTokens customerTokens;

    @Resource
    ManagedThreadFactory threads;

    /** Null outside a container (module tests), where no caller transaction is ever open. */
    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    PaymentsConfig config;

    private final OnFirstUse<GroupCommit<WalletCall, Receipt>> batcher = new OnFirstUse<>(() -> new GroupCommit<>(
            "payments-group-commit", this::write, this::single, threads != null ? threads : Thread::new,
            config.groupCommitWriters(), config.groupCommitMaxBatch()));

    /** Whether the payment goes through group commit. */
    public boolean takes(NewPayment payment) {
        return config.groupCommitWriters() > 0 && payment.payer() instanceof Payer.Wallet
                && payment.capture() == CaptureMode.AUTOMATIC
                && (transactions == null || transactions.getTransactionKey() == null);
    }

    /** Checks the customer's consent on the caller's thread (a signature check: CPU, not the batch's time), then queues. */
    public Receipt create(MerchantCall call, NewPayment payment) {
        UUID customer = PaymentStepsBean.consentingCustomer(customerTokens, (Payer.Wallet) payment.payer());
        return batcher.get().submit(new WalletCall(call, payment, customer));
    }

    /** Batches written so far, and the payments in them, for the benchmark's figures. */
    public long[] counts() {
        return batcher.ifStarted().map(current -> new long[] {current.batches(), current.requests()}).orElse(new long[2]);
    }

    /**
     * Writes a batch; a payment refused after writing began is answered with its refusal and the rest
     * written again without it. A key repeated within the batch is taken once, and the repeats replay it
     * after the commit, as duplicates arriving one after the other would.
     */
    private List<GroupCommit.Outcome<Receipt>> write(List<WalletCall> calls) {
        List<GroupCommit.Outcome<Receipt>> outcomes = new ArrayList<>(calls.size());
        List<Integer> firsts = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            outcomes.add(null);
            MerchantCall call = calls.get(i).call();
            (keys.add(call.merchantId() + " " + call.idempotencyKey()) ? firsts : repeats).add(i);
        }
        List<Integer> remaining = new ArrayList<>(firsts);
        while (!remaining.isEmpty()) {
            try {
                List<GroupCommit.Outcome<Receipt>> written = batches.createAll(remaining.stream().map(calls::get).toList());
                for (int k = 0; k < remaining.size(); k++) {
                    outcomes.set(remaining.get(k), written.get(k));
                }
                remaining = List.of();
            } catch (BatchRefusal refusal) {
                int refused = remaining.get(refusal.index());
                outcomes.set(refused, new GroupCommit.Outcome.Refused<>(refusal.refusal()));
                remaining = new ArrayList<>(remaining);
                remaining.remove(refusal.index());
            }
        }
        Map<Integer, GroupCommit.Outcome<Receipt>> replays = new HashMap<>();
        for (int i : repeats) {
            try {
                replays.put(i, new GroupCommit.Outcome.Done<>(single(calls.get(i))));
            } catch (RuntimeException e) {
                replays.put(i, new GroupCommit.Outcome.Refused<>(e));
            }
        }
        replays.forEach(outcomes::set);
        return outcomes;
    }

    /** The payment on its own, in a transaction of its own: the fallback when a batch fails as a whole. */
    private Receipt single(WalletCall call) {
        return ((Step.Answer) steps.create(call.call(), call.payment())).receipt();
    }

    @PreDestroy
    void close() {
        batcher.close();
    }
}
