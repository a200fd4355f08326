package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.boundary.AccountsBeans;
import io.reactivepay.connector.acquirer.AcquirerManagedConnectionFactory;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.simulator.AcquirerSimulator;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.fraud.boundary.FraudBeans;
import io.reactivepay.ledger.boundary.LedgerBeans;
import io.reactivepay.payments.control.PaymentStore;
import io.reactivepay.payments.control.PaymentsConfig;
import io.reactivepay.payments.control.RatePlans;
import io.reactivepay.payments.control.Receipts;
import io.reactivepay.payments.control.RefundStore;
import io.reactivepay.vault.api.CardVault;
import io.reactivepay.vault.boundary.VaultBeans;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Every bean payments calls, real and wired by hand on one embedded PostgreSQL, with the acquirer
 * adapter's managed connection factory (non-managed mode) talking HTTP to the acquirer simulator.
 * Beans that are transaction boundaries in the container run each call in a transaction of its own
 * here, as the container would; the payments orchestrator runs without one, as in the container.
 */
final class PaymentsDatabase {

    static LedgerBeans ledger;
    static AccountsBeans accounts;
    static FraudBeans fraud;
    static CardVault vault;
    static TableWallets wallets;
    /** Wallet payments captured at once go through group commit here, and one transaction each in {@link #perCall}. */
    static PaymentsBean payments;
    static PaymentsBean perCall;
    /** Its acquirer calls by reference (capture, cancel, refund) reach nobody: every answer is unknown. */
    static PaymentsBean unreachable;
    static WalletBatches groupCommit;
    static PaymentSteps steps;
    static PaymentRecoveryBean recovery;
    static io.reactivepay.payments.api.Chargebacks chargebacks;
    static AcquirerSimulator simulator;
    static PaymentsConfig config;
    static MerchantAccountsBean merchantAccounts;

    private PaymentsDatabase() {
    }

    static synchronized void start() throws Exception {
        if (payments != null) {
            return;
        }
        TestDatabase.start("ledger", "accounts", "fraud", "vault", "wallet", "payments");
        ledger = new LedgerBeans(TestDatabase.DATA_SOURCE);
        accounts = new AccountsBeans(TestDatabase.DATA_SOURCE);
        fraud = new FraudBeans(TestDatabase.DATA_SOURCE, accounts.audit);
        // the slow card answers after 6 s; we stop waiting after 2.5 s (a loaded machine needs the margin)
        simulator = AcquirerSimulator.start(0, "reactivepay", "s3cret", Duration.ofMillis(6000));
        AcquirerManagedConnectionFactory managed = new AcquirerManagedConnectionFactory();
        managed.setServerUrl(simulator.uri().toString());
        managed.setPassword("s3cret");
        managed.setReadTimeoutMillis(2500);
        managed.setConnectTimeoutMillis(2000);
        managed.setFailureThreshold(1000);
        managed.setCoolDownMillis(1000);
        CardAcquiringConnectionFactory acquirer = (CardAcquiringConnectionFactory) managed.createConnectionFactory();
        vault = transactional(CardVault.class, VaultBeans.vault(TestDatabase.DATA_SOURCE, acquirer));
        wallets = new TableWallets(TestDatabase.DATA_SOURCE, ledger.ledger);
        // resolve at once, so the resolver test need not wait; fee 1.4 % + 0.25, as the default plan
        config = new PaymentsConfig("http://localhost:8080/checkout", new BigDecimal("1.4"), 25, 0, 0, 60, 0, 1500, 2, 200, 60, 30);
        PaymentsConfig oneByOne = new PaymentsConfig("http://localhost:8080/checkout", new BigDecimal("1.4"), 25, 0, 0,
                60, 0, 1500, 0, 1, 60, 30);

        MerchantAccountsBean merchantAccounts = new MerchantAccountsBean();
        merchantAccounts.dataSource = TestDatabase.DATA_SOURCE;
        merchantAccounts.ledger = ledger.ledger;
        // REQUIRES_NEW in the container: here they would join (and roll back with) a payment's transaction
        for (io.reactivepay.ledger.api.SystemAccount role : io.reactivepay.ledger.api.SystemAccount.values()) {
            inTransaction(() -> merchantAccounts.system(role, java.util.Currency.getInstance("EUR")));
        }
        PaymentStepsBean bean = new PaymentStepsBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.ledger = ledger.ledger;
        bean.holds = ledger.holds;
        bean.outbox = ledger.outbox;
        bean.screening = fraud.screening;
        bean.reviews = fraud.reviews;
        bean.merchants = accounts.merchants;
        bean.customerTokens = accounts.tokens;
        bean.limits = accounts.limits;
        bean.wallets = wallets;
        bean.vault = vault;
        bean.merchantAccounts = merchantAccounts;
        bean.payments = new PaymentStore();
        bean.refunds = new RefundStore();
        bean.ratePlans = new RatePlans();
        bean.receipts = new Receipts();
        bean.config = config;
        steps = transactional(PaymentSteps.class, bean);

        PaymentBatchesBean batchesBean = new PaymentBatchesBean();
        batchesBean.dataSource = TestDatabase.DATA_SOURCE;
        batchesBean.ledger = ledger.ledger;
        batchesBean.outbox = ledger.outbox;
        batchesBean.screening = fraud.screening;
        batchesBean.merchants = accounts.merchants;
        batchesBean.limits = accounts.limits;
        batchesBean.wallets = wallets;
        batchesBean.merchantAccounts = merchantAccounts;
        batchesBean.payments = new PaymentStore();
        batchesBean.ratePlans = new RatePlans();
        batchesBean.receipts = new Receipts();
        batchesBean.config = config;
        groupCommit = new WalletBatches();
        groupCommit.batches = transactional(PaymentBatches.class, batchesBean);
        groupCommit.steps = steps;
        groupCommit.customerTokens = accounts.tokens;
        groupCommit.config = config;
        payments = new PaymentsBean();
        payments.steps = steps;
        payments.vault = vault;
        payments.acquirer = acquirer;
        payments.batches = groupCommit;
        AcquirerManagedConnectionFactory nowhere = new AcquirerManagedConnectionFactory();
        nowhere.setServerUrl("http://127.0.0.1:9");
        nowhere.setPassword("s3cret");
        nowhere.setReadTimeoutMillis(500);
        nowhere.setConnectTimeoutMillis(500);
        nowhere.setFailureThreshold(1000);
        nowhere.setCoolDownMillis(1000);
        unreachable = new PaymentsBean();
        unreachable.steps = steps;
        unreachable.vault = vault;
        unreachable.acquirer = (CardAcquiringConnectionFactory) nowhere.createConnectionFactory();
        unreachable.batches = groupCommit;
        WalletBatches off = new WalletBatches();
        off.config = oneByOne;
        perCall = new PaymentsBean();
        perCall.steps = steps;
        perCall.vault = vault;
        perCall.acquirer = acquirer;
        perCall.batches = off;
        recovery = new PaymentRecoveryBean();
        recovery.steps = steps;
        recovery.vault = vault;
        recovery.acquirer = acquirer;
        ChargebacksBean disputes = new ChargebacksBean();
        disputes.dataSource = TestDatabase.DATA_SOURCE;
        disputes.ledger = ledger.ledger;
        disputes.outbox = ledger.outbox;
        disputes.audit = accounts.audit;
        disputes.merchantAccounts = merchantAccounts;
        disputes.payments = new PaymentStore();
        disputes.store = new io.reactivepay.payments.control.ChargebackStore();
        disputes.config = config;
        chargebacks = transactional(io.reactivepay.payments.api.Chargebacks.class, disputes);
        PaymentsDatabase.merchantAccounts = merchantAccounts;
    }

    /** Whether this thread is inside a transaction a proxy started: a nested boundary call joins it, as REQUIRED does. */
    private static final ThreadLocal<Boolean> IN_TRANSACTION = ThreadLocal.withInitial(() -> false);

    /** The bean behind its interface, each outermost call a transaction of its own, as a container-managed boundary. */
    static <T> T transactional(Class<T> type, T bean) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (IN_TRANSACTION.get()) {
                return invoke(bean, method, args);
            }
            return inTransaction(() -> invoke(bean, method, args));
        }));
    }

    private static Object invoke(Object bean, java.lang.reflect.Method method, Object[] args) throws Exception {
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    static <T> T inTransaction(Callable<T> work) throws Exception {
        if (IN_TRANSACTION.get()) {
            return work.call();
        }
        IN_TRANSACTION.set(true);
        try {
            return TestDatabase.inTransaction(work);
        } finally {
            IN_TRANSACTION.set(false);
        }
    }
}
