package io.reactivepay.payments.boundary;

import static io.reactivepay.payments.boundary.Fixtures.EUR;
import static io.reactivepay.payments.boundary.Fixtures.activeMerchant;
import static io.reactivepay.payments.boundary.Fixtures.assertInvariants;
import static io.reactivepay.payments.boundary.Fixtures.call;
import static io.reactivepay.payments.boundary.Fixtures.count;
import static io.reactivepay.payments.boundary.Fixtures.customer;
import static io.reactivepay.payments.boundary.Fixtures.json;
import static io.reactivepay.payments.boundary.Fixtures.pending;
import static io.reactivepay.payments.boundary.Fixtures.posted;
import static io.reactivepay.payments.boundary.PaymentsDatabase.groupCommit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.platform.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wallet payments captured at once, many to a transaction: each caller still gets exactly its own
 * outcome, whatever else is in its batch, and the money adds up. Also prints the module's throughput,
 * batched and one transaction per payment (a figure, not a timed assertion).
 */
class GroupCommitIT {

    private static final System.Logger LOG = System.getLogger(GroupCommitIT.class.getName());

    @BeforeAll
    static void start() throws Exception {
        PaymentsDatabase.start();
    }

    static NewPayment payment(long minor, Payer payer) {
        return new NewPayment(new Money(minor, EUR), "order-" + UUID.randomUUID(), null, payer, CaptureMode.AUTOMATIC,
                null, null, Map.of());
    }

    @Test
    void aBatchGivesEachCallerItsOwnOutcomeAmongRefusalsAndDuplicates() throws Exception {
        UUID merchant = activeMerchant();
        List<Fixtures.Customer> funded = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            funded.add(customer(1_000));
        }
        Fixtures.Customer poor = customer(100);
        MerchantCall duplicated = call(merchant);
        NewPayment duplicatedPayment = payment(500, funded.get(0).payer());
        long batchedBefore = groupCommit.counts()[1];

        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 1; i < funded.size(); i++) {
            Payer payer = funded.get(i).payer();
            calls.add(() -> PaymentsDatabase.payments.create(call(merchant), payment(1_000, payer)));
        }
        for (int i = 0; i < 5; i++) {
            calls.add(() -> PaymentsDatabase.payments.create(duplicated, duplicatedPayment));
        }
        calls.add(() -> PaymentsDatabase.payments.create(call(merchant), payment(200, poor.payer())));
        calls.add(() -> PaymentsDatabase.payments.create(call(merchant),
                payment(100, new Payer.Wallet(funded.get(1).wallet().id(), poor.token()))));
        List<Object> outcomes = runConcurrently(calls);

        for (int i = 0; i < funded.size() - 1; i++) {
            assertEquals("captured", json(((Receipt) outcomes.get(i)).body()).getString("status"));
        }
        List<Receipt> duplicates = outcomes.subList(funded.size() - 1, funded.size() + 4).stream()
                .map(Receipt.class::cast).toList();
        assertEquals(1, duplicates.stream().filter(r -> !r.replayed()).count());
        assertEquals(1, duplicates.stream().map(Receipt::body).distinct().count());
        assertEquals(LedgerException.INSUFFICIENT_FUNDS,
                assertInstanceOf(LedgerException.class, outcomes.get(funded.size() + 4)).errorCode());
        assertEquals(PaymentsException.WALLET_NOT_AUTHORISED,
                assertInstanceOf(PaymentsException.class, outcomes.get(funded.size() + 5)).errorCode());

        assertEquals(500, posted(funded.get(0).account()));
        for (int i = 1; i < funded.size(); i++) {
            assertEquals(0, posted(funded.get(i).account()));
        }
        assertEquals(100, posted(poor.account()));
        long net = 29 * (1_000 - 14 - 25) + (500 - 7 - 25);
        assertEquals(net, posted(pending(merchant)));
        assertEquals(30, count("SELECT count(*) FROM payments.payment WHERE merchant_id = ?", merchant));
        assertEquals(30, count("SELECT count(*) FROM payments.receipt WHERE merchant_id = ?", merchant));
        assertTrue(groupCommit.counts()[1] - batchedBefore >= 30, "the payments went through group commit");
        assertInvariants();
    }

    @Test
    void throughputOfWalletPaymentsBatchedAndOneByOne() throws Exception {
        int payments = Integer.getInteger("payments.bench.count", 2_000);
        int clients = 64;
        UUID merchant = activeMerchant();
        List<Fixtures.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            customers.add(customer(1_000_000));
        }
        double perCall = measure(PaymentsDatabase.perCall, merchant, customers, payments / 4, clients);
        long[] before = groupCommit.counts();
        double batched = measure(PaymentsDatabase.payments, merchant, customers, payments, clients);
        long[] after = groupCommit.counts();
        LOG.log(System.Logger.Level.INFO, "Wallet payments end to end in the module (embedded PostgreSQL, {0} clients): "
                        + "{1} payments/s with group commit ({2} per batch on average), {3} payments/s one transaction "
                        + "each ({4} x)", clients, Math.round(batched),
                String.format("%.1f", (after[1] - before[1]) / (double) Math.max(1, after[0] - before[0])),
                Math.round(perCall), String.format("%.2f", batched / perCall));
        long expected = (payments / 4 + payments) * (200 - 3 - 25);
        assertEquals(expected, posted(pending(merchant)));
        assertInvariants();
    }

    private static double measure(PaymentsBean bean, UUID merchant, List<Fixtures.Customer> customers, int payments,
                                  int clients) throws Exception {
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            Payer payer = customers.get(i % customers.size()).payer();
            calls.add(() -> bean.create(call(merchant), payment(200, payer)));
        }
        long started = System.nanoTime();
        List<Object> outcomes = runConcurrently(calls, clients);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Object outcome : outcomes) {
            assertInstanceOf(Receipt.class, outcome, () -> String.valueOf(outcome));
        }
        return payments / seconds;
    }

    private static List<Object> runConcurrently(List<Callable<Object>> calls) throws Exception {
        return runConcurrently(calls, calls.size());
    }

    /** Each call's answer, or what it threw, in the order of the calls. */
    private static List<Object> runConcurrently(List<Callable<Object>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(pool.submit(() -> {
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
