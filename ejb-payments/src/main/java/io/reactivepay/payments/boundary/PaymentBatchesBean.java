package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.LimitedOperation;
import io.reactivepay.accounts.api.Limits;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.OperationKind;
import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.Screening;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.payments.control.PaymentEvents;
import io.reactivepay.payments.control.PaymentRecord;
import io.reactivepay.payments.control.PaymentStore;
import io.reactivepay.payments.control.PaymentsConfig;
import io.reactivepay.payments.control.RatePlan;
import io.reactivepay.payments.control.RatePlans;
import io.reactivepay.payments.control.Receipts;
import io.reactivepay.platform.concurrent.GroupCommit;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Group commit of automatically captured wallet payments: the steps of {@link PaymentStepsBean#create}
 * for many payments in one transaction, the ledger entries posted with one {@link Ledger#postAll}, the
 * payment rows and receipts written with one batched statement each. Checks that write nothing come
 * first, so a payment refused by them is simply left out; a refusal after writing began (a limit, the
 * ledger's floor) rolls the batch back ({@link BatchRefusal}) and the caller writes it again without
 * that payment, so each payment gets exactly the outcome it would have had on its own.
 */
@Stateless
public class PaymentBatchesBean implements PaymentBatches {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    Ledger ledger;

    @EJB
    Outbox outbox;

    @EJB
    Screening screening;

    @EJB
    Merchants merchants;

    @EJB
    Limits limits;

    @EJB
    Wallets wallets;

    @EJB
    MerchantAccountsBean merchantAccounts;

    @Inject
    PaymentStore payments;

    @Inject
    RatePlans ratePlans;

    @Inject
    Receipts receipts;

    @Inject
    PaymentsConfig config;

    private record Taken(int index, MerchantCall call, PaymentRecord payment, WalletView wallet) {
    }

    @Override
    public List<GroupCommit.Outcome<Receipt>> createAll(List<WalletCall> calls) {
        return Jdbc.with(dataSource, "Taking wallet payments", connection -> {
            List<GroupCommit.Outcome<Receipt>> outcomes = new ArrayList<>(calls.size());
            List<Taken> checked = new ArrayList<>();
            // a batch is mostly one busy merchant's: read its status and rate plan once per batch
            Map<UUID, Boolean> active = new HashMap<>();
            Map<String, RatePlan> plans = new HashMap<>();
            Map<String, UUID> accounts = new HashMap<>();
            Map<UUID, WalletView> found = wallets.findAll(calls.stream()
                    .map(c -> ((Payer.Wallet) c.payment().payer()).walletId()).collect(Collectors.toSet()));
            for (int i = 0; i < calls.size(); i++) {
                outcomes.add(null);
                try {
                    checked.add(check(i, calls.get(i), active, found));
                } catch (PaymentsException e) {
                    outcomes.set(i, new GroupCommit.Outcome.Refused<>(e));
                }
            }
            List<Taken> claimed = new ArrayList<>();
            List<Receipts.Claim> claims = receipts.claimAll(connection, checked.stream().map(Taken::call).toList());
            for (int c = 0; c < checked.size(); c++) {
                Taken taken = checked.get(c);
                if (claims.get(c) instanceof Receipts.Claim.Earlier earlier) {
                    // committed before this batch (keys are distinct within it): the first answer
                    Receipt first = earlier.receipt().isPresent() ? earlier.receipt().get()
                            : new Receipt(202, PaymentJson.payment(payments.find(connection, earlier.resourceId()
                                    .orElseThrow()).orElseThrow().view(config)), true);
                    outcomes.set(taken.index(), new GroupCommit.Outcome.Done<>(first));
                } else {
                    claimed.add(taken);
                }
            }
            List<Taken> allowed = new ArrayList<>();
            // one screening call for the batch: a few statements in all, and the velocity rows (a busy
            // merchant's are shared by every payment) locked in one order, so two writers never deadlock
            List<Decision> decisions = screening.screenAll(claimed.stream()
                    .map(taken -> PaymentStepsBean.screeningRequest(taken.payment(), null)).toList());
            for (int d = 0; d < claimed.size(); d++) {
                Taken taken = claimed.get(d);
                PaymentRecord p = taken.payment();
                Decision decision = decisions.get(d);
                p.risk = PaymentStepsBean.risk(decision);
                if (decision.verdict() == Verdict.DECLINE) {
                    p.status = PaymentStatus.DECLINED;
                    p.declineReason = "fraud";
                } else if (decision.verdict() == Verdict.REVIEW) {
                    p.status = PaymentStatus.HELD;
                } else {
                    allowed.add(taken);
                }
            }
            // the customers' limits with three statements for the batch, customers locked in id order
            List<Optional<AccountsException>> limited = limits.authoriseAll(allowed.stream().map(taken ->
                    new LimitedOperation(taken.payment().customerProfileId, taken.payment().amount, OperationKind.PAYMENT)).toList());
            List<Taken> paying = new ArrayList<>();
            List<PostEntry> entries = new ArrayList<>();
            for (int a = 0; a < allowed.size(); a++) {
                Taken taken = allowed.get(a);
                if (limited.get(a).isPresent()) {
                    throw new BatchRefusal(taken.index(), limited.get(a).get());
                }
                entries.add(entry(taken.payment(), taken.wallet(), plans, accounts));
                paying.add(taken);
            }
            List<PostOutcome> posted = ledger.postAll(entries);
            for (int i = 0; i < posted.size(); i++) {
                if (posted.get(i) instanceof PostOutcome.Refused refused) {
                    throw new BatchRefusal(paying.get(i).index(), new io.reactivepay.ledger.api.LedgerException(
                            refused.code(), refused.message()));
                }
                PaymentRecord p = paying.get(i).payment();
                p.status = PaymentStatus.CAPTURED;
                p.capturedMinor = p.amount.minorUnits();
            }
            payments.insertAll(connection, claimed.stream().map(Taken::payment).toList());
            List<Receipt> answers = new ArrayList<>();
            List<io.reactivepay.platform.event.EventEnvelope> events = new ArrayList<>();
            for (Taken taken : claimed) {
                PaymentView view = taken.payment().view(config);
                String json = PaymentJson.payment(view); // once for the answer and both events
                events.add(PaymentEvents.payment("payment.created", view, json));
                events.add(PaymentEvents.payment(switch (view.status()) {
                    case DECLINED -> "payment.declined";
                    case HELD -> "payment.held";
                    default -> "payment.captured";
                }, view, json));
                Receipt answer = new Receipt(201, json, false);
                answers.add(answer);
                outcomes.set(taken.index(), new GroupCommit.Outcome.Done<>(answer));
            }
            outbox.appendAll(events);
            receipts.completeAll(connection, claimed.stream().map(Taken::call).toList(),
                    claimed.stream().map(t -> t.payment().id).toList(), answers);
            return outcomes;
        });
    }

    /**
     * Everything that can refuse the payment without writing: merchant, wallet (the customer's consent,
     * their token, was verified on the caller's thread before the payment was queued).
     */
    private Taken check(int index, WalletCall walletCall, Map<UUID, Boolean> active, Map<UUID, WalletView> wallets) {
        MerchantCall call = walletCall.call();
        Payer.Wallet payer = (Payer.Wallet) walletCall.payment().payer();
        if (!active.computeIfAbsent(call.merchantId(), id -> merchants.find(id)
                .filter(m -> m.status() == Merchant.Status.ACTIVE).isPresent())) {
            throw new PaymentsException(PaymentsException.MERCHANT_NOT_ACTIVE, "The merchant cannot take payments");
        }
        WalletView wallet = wallets.get(payer.walletId());
        if (wallet == null) {
            throw new PaymentsException(PaymentsException.WALLET_NOT_FOUND, "wallet.id", "No wallet " + payer.walletId());
        }
        if (!wallet.customerRef().equals(walletCall.customerProfileId().toString())) {
            throw new PaymentsException(PaymentsException.WALLET_NOT_AUTHORISED, "wallet.customerToken",
                    "The wallet is not the customer's");
        }
        if (!wallet.currency().equals(walletCall.payment().amount().currency())) {
            throw new PaymentsException(PaymentsException.CURRENCY_NOT_SUPPORTED, "amount",
                    "The wallet holds " + wallet.currency().getCurrencyCode());
        }
        PaymentRecord p = PaymentStepsBean.newPayment(call.merchantId(), walletCall.payment());
        p.walletId = wallet.id();
        p.customerProfileId = walletCall.customerProfileId();
        return new Taken(index, call, p, wallet);
    }

    /** The payment's entry; rate plans and ledger accounts are looked up once per merchant and currency in a batch. */
    private PostEntry entry(PaymentRecord p, WalletView wallet, Map<String, RatePlan> plans, Map<String, UUID> accounts) {
        p.commission = plans.computeIfAbsent(p.merchantId + " " + p.amount.currency(), key ->
                Jdbc.with(dataSource, "Reading the rate plan", connection ->
                        ratePlans.find(connection, p.merchantId, p.method, p.amount.currency()))
                        .orElse(config.defaultPlan())).feeOn(p.amount);
        Money fee = p.commission.fee();
        List<Posting> postings = new ArrayList<>(List.of(Posting.debit(wallet.ledgerAccountId(), p.amount)));
        if (fee.minorUnits() < p.amount.minorUnits()) {
            postings.add(Posting.credit(accounts.computeIfAbsent(p.merchantId + " " + p.amount.currency(),
                    key -> merchantAccounts.of(p.merchantId, p.amount.currency()).pending()), p.amount.minus(fee)));
        }
        if (fee.isPositive()) {
            postings.add(Posting.credit(accounts.computeIfAbsent("FEES " + p.amount.currency(),
                    key -> merchantAccounts.system(SystemAccount.FEES, p.amount.currency())), fee));
        }
        return new PostEntry(PaymentStepsBean.LEDGER_CLIENT, "payment:" + p.id, EntryCode.PAYMENT, postings,
                PaymentStepsBean.captureMetadata(p, p.amount, fee));
    }
}
