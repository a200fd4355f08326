package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.Limits;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.OperationKind;
import io.reactivepay.connector.api.Outcome;
import io.reactivepay.fraud.api.Decision;
import io.reactivepay.fraud.api.Reviews;
import io.reactivepay.fraud.api.Screening;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.fraud.api.TransactionKind;
import io.reactivepay.fraud.api.Verdict;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Hold;
import io.reactivepay.ledger.api.HoldRequest;
import io.reactivepay.ledger.api.Holds;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.CaptureMode;
import io.reactivepay.payments.api.Commission;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayment;
import io.reactivepay.payments.api.NewRefund;
import io.reactivepay.payments.api.Payer;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.Page;
import io.reactivepay.payments.api.PaymentMethod;
import io.reactivepay.payments.api.PaymentQuery;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentView;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.payments.api.RefundView;
import io.reactivepay.payments.api.Risk;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.payments.control.PaymentEvents;
import io.reactivepay.payments.control.PaymentRecord;
import io.reactivepay.payments.control.PaymentStore;
import io.reactivepay.payments.control.PaymentsConfig;
import io.reactivepay.payments.control.RatePlans;
import io.reactivepay.payments.control.Receipts;
import io.reactivepay.payments.control.RefundStore;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.platform.persistence.TimeOrderedIds;
import io.reactivepay.vault.api.CardVault;
import io.reactivepay.vault.api.StoredCard;
import io.reactivepay.wallet.api.WalletView;
import io.reactivepay.wallet.api.Wallets;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The payment transitions. Each method is one transaction (it joins the caller's, or the container
 * starts one): it locks the payment row, checks the transition is allowed, moves the money in the
 * ledger, writes the row, appends the event and writes the receipt, or refuses and leaves nothing.
 */
@Stateless
public class PaymentStepsBean implements PaymentSteps {

    static final String LEDGER_CLIENT = "payments";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    Ledger ledger;

    @EJB
    Holds holds;

    @EJB
    Outbox outbox;

    @EJB
    Screening screening;

    @EJB
    Reviews reviews;

    @EJB
    Merchants merchants;

    @EJB
    CustomerTokens customerTokens;

    @EJB
    Limits limits;

    @EJB
    Wallets wallets;

    @EJB
    CardVault vault;

    @EJB
    MerchantAccountsBean merchantAccounts;

    @Inject
    PaymentStore payments;

    @Inject
    RefundStore refunds;

    @Inject
    RatePlans ratePlans;

    @Inject
    Receipts receipts;

    @Inject
    PaymentsConfig config;

    @Override
    public Step create(MerchantCall call, NewPayment request) {
        return Jdbc.with(dataSource, "Creating a payment", connection -> {
            Optional<Step> earlier = earlier(connection, call);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Merchant merchant = merchants.find(call.merchantId()).orElse(null);
            if (merchant == null || merchant.status() != Merchant.Status.ACTIVE) {
                throw new PaymentsException(PaymentsException.MERCHANT_NOT_ACTIVE, "The merchant cannot take payments");
            }
            PaymentRecord p = newPayment(call.merchantId(), request);
            WalletView wallet = null;
            StoredCard card = null;
            if (request.payer() instanceof Payer.Wallet w) {
                UUID profile = consentingCustomer(customerTokens, w);
                wallet = wallets.find(w.walletId()).orElseThrow(() -> new PaymentsException(
                        PaymentsException.WALLET_NOT_FOUND, "wallet.id", "No wallet " + w.walletId()));
                if (!wallet.customerRef().equals(profile.toString())) {
                    throw new PaymentsException(PaymentsException.WALLET_NOT_AUTHORISED, "wallet.customerToken",
                            "The wallet is not the customer's");
                }
                if (!wallet.currency().equals(request.amount().currency())) {
                    throw new PaymentsException(PaymentsException.CURRENCY_NOT_SUPPORTED, "amount",
                            "The wallet holds " + wallet.currency().getCurrencyCode());
                }
                p.walletId = wallet.id();
                p.customerProfileId = profile;
            } else if (request.payer() instanceof Payer.CardToken c) {
                card = vault.find(c.token()).orElseThrow(() -> new PaymentsException(
                        PaymentsException.CARD_NOT_FOUND, "card.token", "No card " + c.token()));
                p.cardToken = card.token();
                p.cardMasked = card.bin() + "******" + card.lastFour();
            } else {
                p.clientToken = newClientToken();
            }
            Decision decision = screening.screen(screeningRequest(p, card));
            p.risk = risk(decision);
            payments.insert(connection, p);
            receipts.attach(connection, call, p.id);
            outbox.append(PaymentEvents.payment("payment.created", p.view(config)));
            if (decision.verdict() == Verdict.DECLINE) {
                p.status = PaymentStatus.DECLINED;
                p.declineReason = "fraud";
                p.clientToken = null;
                return answer(connection, call, p, "payment.declined", 201);
            }
            if (decision.verdict() == Verdict.REVIEW) {
                p.status = PaymentStatus.HELD;
                return answer(connection, call, p, "payment.held", 201);
            }
            return proceed(connection, Optional.of(call), p, wallet);
        });
    }

    /** The customer whose token the wallet payment carries: their consent, checked before anything else. */
    static UUID consentingCustomer(CustomerTokens tokens, Payer.Wallet payer) {
        try {
            return tokens.verify(payer.customerToken());
        } catch (AccountsException e) {
            throw new PaymentsException(PaymentsException.WALLET_NOT_AUTHORISED, "wallet.customerToken",
                    "The customer token is not valid");
        }
    }

    /** After screening allowed it (or a reviewer did): debit the wallet, send the card, or wait for the customer. */
    private Step proceed(Connection connection, Optional<MerchantCall> call, PaymentRecord p, WalletView wallet)
            throws SQLException {
        if (p.method == PaymentMethod.WALLET) {
            payFromWallet(p, wallet);
            String type = p.status == PaymentStatus.CAPTURED ? "payment.captured" : "payment.authorised";
            return call.isPresent() ? answer(connection, call.get(), p, type, 201) : quietAnswer(connection, p, type);
        }
        if (p.cardToken != null && p.clientToken == null) {
            p.status = PaymentStatus.AUTHORISING;
            p.acquirerRequestId = p.id.toString();
            p.nextCheckAt = Instant.now().plus(config.resolveAfter());
            payments.update(connection, p);
            return new Step.Authorise(p.id, p.cardToken, p.acquirerRequestId, p.amount, p.returnUrl);
        }
        p.status = PaymentStatus.CREATED;
        if (p.clientToken == null) {
            p.clientToken = newClientToken();
        }
        return call.isPresent() ? answer(connection, call.get(), p, null, 201) : quietAnswer(connection, p, null);
    }

    private void payFromWallet(PaymentRecord p, WalletView wallet) {
        WalletView w = wallet != null ? wallet : wallets.find(p.walletId).orElseThrow(() -> new PaymentsException(
                PaymentsException.WALLET_NOT_FOUND, "No wallet " + p.walletId));
        limits.authorise(p.customerProfileId, p.amount, OperationKind.PAYMENT);
        MerchantLedgerAccounts merchant = merchantAccounts.of(p.merchantId, p.amount.currency());
        if (p.capture == CaptureMode.MANUAL) {
            hold(p, w.ledgerAccountId(), merchant.pending());
            return;
        }
        p.commission = commission(p);
        Money fee = p.commission.fee();
        List<Posting> postings = new ArrayList<>(List.of(Posting.debit(w.ledgerAccountId(), p.amount)));
        if (fee.minorUnits() < p.amount.minorUnits()) {
            postings.add(Posting.credit(merchant.pending(), p.amount.minus(fee)));
        }
        if (fee.isPositive()) {
            postings.add(Posting.credit(merchantAccounts.system(SystemAccount.FEES, p.amount.currency()), fee));
        }
        ledger.post(new PostEntry(LEDGER_CLIENT, "payment:" + p.id, EntryCode.PAYMENT, postings,
                captureMetadata(p, p.amount, fee)));
        p.status = PaymentStatus.CAPTURED;
        p.capturedMinor = p.amount.minorUnits();
    }

    private void hold(PaymentRecord p, UUID debit, UUID credit) {
        Instant expires = Instant.now().plus(config.authorisationTtl()).truncatedTo(ChronoUnit.MILLIS);
        // the ledger's own expiry comes a day later, so this module's expiry job (which also cancels at
        // the acquirer and says so to the merchant) is what expires a payment's hold
        Hold hold = holds.hold(new HoldRequest(LEDGER_CLIENT, "hold:" + p.id, debit, credit, p.amount,
                expires.plus(1, ChronoUnit.DAYS), EntryCode.PAYMENT, Map.of("paymentId", p.id.toString())));
        p.holdId = hold.id();
        p.authorisationExpiresAt = expires;
        p.status = PaymentStatus.AUTHORISED;
    }

    @Override
    public Receipt authorised(Optional<MerchantCall> call, UUID paymentId, Outcome outcome) {
        return Jdbc.with(dataSource, "Recording an authorisation", connection -> {
            PaymentRecord p = payments.lock(connection, null, paymentId);
            if (p.status != PaymentStatus.AUTHORISING && p.status != PaymentStatus.ACTION_REQUIRED) {
                return new Receipt(call.isPresent() ? 201 : 200, PaymentJson.payment(p.view(config)), false);
            }
            String type;
            if (outcome instanceof Outcome.Approved approved) {
                p.acquirerReference = approved.reference();
                hold(p, merchantAccounts.system(SystemAccount.ACQUIRER_CLEARING, p.amount.currency()),
                        merchantAccounts.of(p.merchantId, p.amount.currency()).pending());
                p.nextCheckAt = null;
                type = "payment.authorised";
            } else if (outcome instanceof Outcome.Declined declined) {
                boolean neverArrived = "not_found".equals(declined.reason());
                p.status = neverArrived ? PaymentStatus.FAILED : PaymentStatus.DECLINED;
                p.declineReason = declined.reason();
                p.nextCheckAt = null;
                if (!neverArrived) {
                    screening.recordDecline(p.id.toString());
                }
                type = neverArrived ? "payment.failed" : "payment.declined";
            } else if (outcome instanceof Outcome.Pending pending
                    && p.createdAt.plus(config.challengeTtl()).isBefore(Instant.now())) {
                // the customer never completed the challenge: nothing was reserved, the payment fails
                p.status = PaymentStatus.FAILED;
                p.declineReason = "challenge_not_completed";
                p.nextCheckAt = null;
                type = "payment.failed";
            } else if (outcome instanceof Outcome.Pending pending) {
                p.acquirerReference = pending.reference();
                p.nextCheckAt = Instant.now().plus(config.resolveAfter());
                if (pending.redirect().isEmpty() || p.status == PaymentStatus.ACTION_REQUIRED) {
                    payments.update(connection, p);
                    return new Receipt(202, PaymentJson.payment(p.view(config)), false);
                }
                p.status = PaymentStatus.ACTION_REQUIRED;
                p.challengeUrl = pending.redirect().get();
                type = "payment.action_required";
            } else {
                // the acquirer may or may not have it: the resolver asks, nobody sends it again
                p.nextCheckAt = Instant.now().plus(config.resolveAfter());
                payments.update(connection, p);
                return new Receipt(202, PaymentJson.payment(p.view(config)), false);
            }
            payments.update(connection, p);
            PaymentView view = p.view(config);
            outbox.append(PaymentEvents.payment(type, view));
            String body = PaymentJson.payment(view);
            boolean captureNext = p.status == PaymentStatus.AUTHORISED && p.capture == CaptureMode.AUTOMATIC;
            if (!captureNext) {
                // the merchant's create call (whoever resolved it) now has its final answer
                receipts.completeFor(connection, p.merchantId, p.id, 201, body);
            }
            return new Receipt(201, body, false);
        });
    }

    @Override
    public Step beginCapture(MerchantCall call, UUID paymentId, Optional<Money> amount) {
        return Jdbc.with(dataSource, "Capturing a payment", connection -> {
            Optional<Step> earlier = earlier(connection, call);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            PaymentRecord p = payments.lock(connection, call.merchantId(), paymentId);
            requireStatus(p, PaymentStatus.AUTHORISED);
            Money take = amount.orElse(p.amount);
            if (!take.currency().equals(p.amount.currency())) {
                throw new PaymentsException(PaymentsException.CURRENCY_NOT_SUPPORTED, "amount",
                        "The payment is in " + p.amount.currency().getCurrencyCode());
            }
            if (!take.isPositive()) {
                throw PaymentsException.invalid("amount", "The amount must be positive");
            }
            if (take.minorUnits() > p.amount.minorUnits()) {
                throw new PaymentsException(PaymentsException.AMOUNT_TOO_LARGE, "amount",
                        "At most " + p.amount.toDecimalString() + " can be captured");
            }
            receipts.attach(connection, call, p.id);
            if (p.method == PaymentMethod.WALLET) {
                return new Step.Answer(capture(connection, Optional.of(call), p, take, 200));
            }
            return new Step.Settle(p.id, p.id + ":capture", p.acquirerReference, take);
        });
    }

    @Override
    public Receipt captured(Optional<MerchantCall> call, UUID paymentId, Money amount, int httpStatus) {
        return Jdbc.with(dataSource, "Recording a capture", connection -> {
            PaymentRecord p = payments.lock(connection, null, paymentId);
            requireStatus(p, PaymentStatus.AUTHORISED);
            return capture(connection, call, p, amount, httpStatus);
        });
    }

    /** One entry: the hold's debit side gives the captured amount, the merchant gets it net, FEES the fee. */
    private Receipt capture(Connection connection, Optional<MerchantCall> call, PaymentRecord p, Money amount,
                            int httpStatus) throws SQLException {
        p.commission = commission(p, amount);
        holds.capture(LEDGER_CLIENT, "capture:" + p.id, p.holdId, amount,
                merchantAccounts.system(SystemAccount.FEES, amount.currency()), p.commission.fee(),
                captureMetadata(p, amount, p.commission.fee()));
        p.status = PaymentStatus.CAPTURED;
        p.capturedMinor = amount.minorUnits();
        if (call.isPresent()) {
            return answer(connection, call.get(), p, "payment.captured", httpStatus).receipt();
        }
        Receipt receipt = quietAnswer(connection, p, "payment.captured").receipt();
        receipts.completeFor(connection, p.merchantId, p.id, 201, receipt.body());
        return new Receipt(201, receipt.body(), false);
    }

    @Override
    public Receipt asItIs(Optional<MerchantCall> call, UUID paymentId) {
        return Jdbc.with(dataSource, "Answering with a payment", connection -> {
            PaymentRecord p = payments.find(connection, paymentId).orElseThrow();
            String body = PaymentJson.payment(p.view(config));
            if (call.isPresent()) {
                return receipts.complete(connection, call.get(), p.id, 201, body);
            }
            receipts.completeFor(connection, p.merchantId, p.id, 201, body);
            return new Receipt(201, body, false);
        });
    }

    @Override
    public Step beginVoid(MerchantCall call, UUID paymentId) {
        return Jdbc.with(dataSource, "Voiding a payment", connection -> {
            Optional<Step> earlier = earlier(connection, call);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            PaymentRecord p = payments.lock(connection, call.merchantId(), paymentId);
            requireStatus(p, PaymentStatus.AUTHORISED);
            receipts.attach(connection, call, p.id);
            if (p.method == PaymentMethod.WALLET) {
                return new Step.Answer(voided(connection, call, p));
            }
            return new Step.Cancel(p.id, p.id + ":cancel", p.acquirerReference);
        });
    }

    @Override
    public Receipt voided(MerchantCall call, UUID paymentId) {
        return Jdbc.with(dataSource, "Recording a void", connection -> {
            PaymentRecord p = payments.lock(connection, null, paymentId);
            requireStatus(p, PaymentStatus.AUTHORISED);
            return voided(connection, call, p);
        });
    }

    private Receipt voided(Connection connection, MerchantCall call, PaymentRecord p) throws SQLException {
        holds.voidHold(LEDGER_CLIENT, "void:" + p.id, p.holdId);
        p.status = PaymentStatus.VOIDED;
        return answer(connection, call, p, "payment.voided", 200).receipt();
    }

    @Override
    public Step beginRefund(MerchantCall call, UUID paymentId, NewRefund request) {
        return Jdbc.with(dataSource, "Refunding a payment", connection -> {
            Optional<Step> earlier = earlier(connection, call);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            PaymentRecord p = payments.lock(connection, call.merchantId(), paymentId);
            requireStatus(p, PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED);
            Money amount = request.amount().orElse(p.money(p.refundableMinor()));
            if (!amount.currency().equals(p.amount.currency())) {
                throw new PaymentsException(PaymentsException.CURRENCY_NOT_SUPPORTED, "amount",
                        "The payment is in " + p.amount.currency().getCurrencyCode());
            }
            if (!amount.isPositive() || amount.minorUnits() > p.refundableMinor()) {
                throw new PaymentsException(PaymentsException.AMOUNT_TOO_LARGE, "amount",
                        "At most " + p.money(p.refundableMinor()).toDecimalString() + " can be refunded");
            }
            Instant now = Instant.now();
            UUID refundId = TimeOrderedIds.next();
            UUID pending = merchantAccounts.of(p.merchantId, p.amount.currency()).pending();
            Map<String, String> metadata = Map.of("paymentId", p.id.toString(), "refundId", refundId.toString());
            receipts.attach(connection, call, refundId);
            if (p.method == PaymentMethod.WALLET) {
                UUID walletAccount = wallets.find(p.walletId).orElseThrow().ledgerAccountId();
                ledger.post(new PostEntry(LEDGER_CLIENT, "refund:" + refundId, EntryCode.REFUND,
                        List.of(Posting.debit(pending, amount), Posting.credit(walletAccount, amount)), metadata));
                RefundView refund = new RefundView(refundId, p.id, amount, RefundView.Status.SUCCEEDED, request.reason(),
                        Optional.empty(), now, now);
                refunds.insert(connection, refund, p.merchantId, null);
                p.refundedMinor += amount.minorUnits();
                return new Step.Answer(refundAnswer(connection, Optional.of(call), p, refund));
            }
            // the merchant's money is reserved before the acquirer is asked, so it cannot be paid out meanwhile
            Hold hold = holds.hold(new HoldRequest(LEDGER_CLIENT, "refund-hold:" + refundId, pending,
                    merchantAccounts.system(SystemAccount.ACQUIRER_CLEARING, amount.currency()), amount,
                    now.plus(30, ChronoUnit.DAYS), EntryCode.REFUND, metadata));
            RefundView refund = new RefundView(refundId, p.id, amount, RefundView.Status.PENDING, request.reason(),
                    Optional.empty(), now, now);
            refunds.insert(connection, refund, p.merchantId, hold.id());
            // should this instance die before the answer is recorded, the resolver still finds the refund
            refunds.scheduleCheck(connection, refundId, now.plus(config.resolveAfter()).plusSeconds(60));
            p.refundingMinor += amount.minorUnits();
            payments.update(connection, p);
            return new Step.Settle(refundId, refundId.toString(), p.acquirerReference, amount);
        });
    }

    @Override
    public Receipt refunded(Optional<MerchantCall> call, UUID refundId, Outcome outcome) {
        return Jdbc.with(dataSource, "Recording a refund", connection -> {
            RefundStore.Row row = refunds.find(connection, refundId).orElseThrow();
            PaymentRecord p = payments.lock(connection, null, row.view().paymentId());
            RefundView current = refunds.find(connection, refundId).orElseThrow().view();
            if (current.status() == RefundView.Status.PENDING
                    && (outcome instanceof Outcome.Unknown || outcome instanceof Outcome.Pending)) {
                refunds.scheduleCheck(connection, refundId, Instant.now().plus(config.resolveAfter()));
            }
            if (current.status() != RefundView.Status.PENDING || outcome instanceof Outcome.Unknown
                    || outcome instanceof Outcome.Pending) {
                return new Receipt(current.status() == RefundView.Status.PENDING ? 202 : 201,
                        PaymentJson.refund(current), false);
            }
            long amount = current.amount().minorUnits();
            p.refundingMinor -= amount;
            RefundView finished;
            if (outcome instanceof Outcome.Approved) {
                holds.capture(LEDGER_CLIENT, "refund-capture:" + refundId, row.holdId().orElseThrow(), current.amount());
                finished = refunds.finish(connection, refundId, RefundView.Status.SUCCEEDED, null);
                p.refundedMinor += amount;
                return refundAnswer(connection, call, p, finished);
            }
            holds.voidHold(LEDGER_CLIENT, "refund-void:" + refundId, row.holdId().orElseThrow());
            finished = refunds.finish(connection, refundId, RefundView.Status.FAILED, ((Outcome.Declined) outcome).reason());
            payments.update(connection, p);
            outbox.append(PaymentEvents.refund("refund.failed", finished, p.merchantId));
            String body = PaymentJson.refund(finished);
            if (call.isPresent()) {
                receipts.complete(connection, call.get(), refundId, 201, body);
            } else {
                receipts.completeFor(connection, p.merchantId, refundId, 201, body);
            }
            return new Receipt(201, body, false);
        });
    }

    private Receipt refundAnswer(Connection connection, Optional<MerchantCall> call, PaymentRecord p, RefundView refund)
            throws SQLException {
        p.status = p.refundedMinor == p.capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        payments.update(connection, p);
        outbox.append(PaymentEvents.refund("refund.succeeded", refund, p.merchantId));
        outbox.append(PaymentEvents.payment("payment.refunded", p.view(config)));
        String body = PaymentJson.refund(refund);
        if (call.isPresent()) {
            return receipts.complete(connection, call.get(), refund.id(), 201, body);
        }
        receipts.completeFor(connection, p.merchantId, refund.id(), 201, body);
        return new Receipt(201, body, false);
    }

    @Override
    public void release(MerchantCall call) {
        Jdbc.with(dataSource, "Releasing an idempotency key", connection -> {
            receipts.release(connection, call);
            return null;
        });
    }

    @Override
    public Step.Authorise checkout(String clientToken, UUID cardToken) {
        return Jdbc.with(dataSource, "Paying at the checkout", connection -> {
            PaymentRecord p = payments.findByClientToken(connection, clientToken, true).orElseThrow(() ->
                    new PaymentsException(PaymentsException.PAYMENT_NOT_FOUND, "No payment for this checkout"));
            requireStatus(p, PaymentStatus.CREATED);
            StoredCard card = vault.find(cardToken).orElseThrow(() -> new PaymentsException(
                    PaymentsException.CARD_NOT_FOUND, "card.token", "No card " + cardToken));
            p.cardToken = card.token();
            p.cardMasked = card.bin() + "******" + card.lastFour();
            p.status = PaymentStatus.AUTHORISING;
            p.acquirerRequestId = p.acquirerRequestId == null ? p.id.toString() : p.acquirerRequestId;
            p.nextCheckAt = Instant.now().plus(config.resolveAfter());
            payments.update(connection, p);
            return new Step.Authorise(p.id, p.cardToken, p.acquirerRequestId, p.amount, p.returnUrl);
        });
    }

    @Override
    public PaymentView decideReview(UUID paymentId, boolean approve, String note, String reviewer) {
        return Jdbc.with(dataSource, "Deciding a held payment", connection -> {
            PaymentRecord p = payments.lock(connection, null, paymentId);
            requireStatus(p, PaymentStatus.HELD);
            Decision decision = reviews.decide(p.id.toString(), approve ? Verdict.ALLOW : Verdict.DECLINE, note, reviewer);
            p.risk = risk(decision);
            if (decision.verdict() == Verdict.DECLINE) {
                p.status = PaymentStatus.DECLINED;
                p.declineReason = "fraud_review";
                p.clientToken = null;
                quietAnswer(connection, p, "payment.declined");
                return p.view(config);
            }
            if (p.method == PaymentMethod.CARD) {
                // the security code was used once and dropped: a held card goes to the hosted checkout,
                // where the customer enters it again
                p.clientToken = p.clientToken == null ? newClientToken() : p.clientToken;
                p.status = PaymentStatus.CREATED;
                quietAnswer(connection, p, "payment.created");
                return p.view(config);
            }
            proceed(connection, Optional.empty(), p, null);
            return p.view(config);
        });
    }

    @Override
    public Optional<PaymentView> find(UUID paymentId) {
        return Jdbc.with(dataSource, "Reading a payment", connection -> payments.find(connection, paymentId))
                .map(p -> p.view(config));
    }

    @Override
    public Page<PaymentView> list(UUID merchantId, PaymentQuery query) {
        Page<PaymentRecord> page = Jdbc.with(dataSource, "Listing payments", connection ->
                payments.list(connection, merchantId, query));
        return new Page<>(page.items().stream().map(p -> p.view(config)).toList(), page.nextCursor());
    }

    @Override
    public List<RefundView> refunds(UUID paymentId) {
        return Jdbc.with(dataSource, "Listing refunds", connection -> refunds.forPayment(connection, paymentId));
    }

    @Override
    public Optional<PaymentView> findByClientToken(String clientToken) {
        return Jdbc.with(dataSource, "Reading a payment", connection ->
                payments.findByClientToken(connection, clientToken, false)).map(p -> p.view(config));
    }

    @Override
    public List<Step.Authorise> leaseUnresolved(int limit) {
        return Jdbc.with(dataSource, "Leasing unknown outcomes", connection -> {
            List<Step.Authorise> due = new ArrayList<>();
            for (PaymentRecord p : payments.lockUnresolved(connection, limit)) {
                p.nextCheckAt = Instant.now().plus(config.resolveAfter());
                payments.update(connection, p);
                due.add(new Step.Authorise(p.id, p.cardToken, p.acquirerRequestId, p.amount, p.returnUrl));
            }
            return due;
        });
    }

    @Override
    public List<Step.Settle> leasePendingRefunds(int limit) {
        return Jdbc.with(dataSource, "Leasing pending refunds", connection -> {
            List<Step.Settle> due = new ArrayList<>();
            for (RefundStore.Row row : refunds.leasePending(connection, limit, Instant.now().plus(config.resolveAfter()))) {
                PaymentRecord p = payments.find(connection, row.view().paymentId()).orElseThrow();
                due.add(new Step.Settle(row.view().id(), row.view().id().toString(), p.acquirerReference,
                        row.view().amount()));
            }
            return due;
        });
    }

    @Override
    public List<Step.Cancel> expireDue(int limit) {
        return Jdbc.with(dataSource, "Expiring authorisations", connection -> {
            List<Step.Cancel> cancels = new ArrayList<>();
            for (PaymentRecord p : payments.lockExpired(connection, limit)) {
                holds.voidHold(LEDGER_CLIENT, "expire:" + p.id, p.holdId);
                p.status = PaymentStatus.EXPIRED;
                quietAnswer(connection, p, "payment.expired");
                cancels.add(new Step.Cancel(p.id, p.id + ":cancel",
                        p.method == PaymentMethod.CARD ? p.acquirerReference : null));
            }
            return cancels;
        });
    }

    /** A replay, an in-flight answer (202 with the resource as it is now), or empty if the key is ours now. */
    private Optional<Step> earlier(Connection connection, MerchantCall call) throws SQLException {
        if (receipts.claim(connection, call) instanceof Receipts.Claim.Earlier earlier) {
            if (earlier.receipt().isPresent()) {
                return Optional.of(new Step.Answer(earlier.receipt().get()));
            }
            UUID resource = earlier.resourceId().orElseThrow(() -> new PaymentsException(PaymentsException.INVALID_STATE,
                    "An earlier call with this key is still in progress"));
            Optional<PaymentRecord> payment = payments.find(connection, resource);
            String body = payment.isPresent() ? PaymentJson.payment(payment.get().view(config))
                    : PaymentJson.refund(refunds.find(connection, resource).orElseThrow().view());
            return Optional.of(new Step.Answer(new Receipt(202, body, true)));
        }
        return Optional.empty();
    }

    private Step.Answer answer(Connection connection, MerchantCall call, PaymentRecord p, String event, int status)
            throws SQLException {
        payments.update(connection, p);
        PaymentView view = p.view(config);
        if (event != null) {
            outbox.append(PaymentEvents.payment(event, view));
        }
        return new Step.Answer(receipts.complete(connection, call, p.id, status, PaymentJson.payment(view)));
    }

    /** A transition nobody's call waits for (a job, a reviewer): written and announced, no receipt. */
    private Step.Answer quietAnswer(Connection connection, PaymentRecord p, String event) throws SQLException {
        payments.update(connection, p);
        PaymentView view = p.view(config);
        if (event != null) {
            outbox.append(PaymentEvents.payment(event, view));
        }
        return new Step.Answer(new Receipt(200, PaymentJson.payment(view), false));
    }

    private static void requireStatus(PaymentRecord p, PaymentStatus... allowed) {
        for (PaymentStatus status : allowed) {
            if (p.status == status) {
                return;
            }
        }
        throw new PaymentsException(PaymentsException.INVALID_STATE, "The payment is " + p.status.name().toLowerCase());
    }

    private Commission commission(PaymentRecord p) {
        return commission(p, p.amount);
    }

    private Commission commission(PaymentRecord p, Money amount) {
        return Jdbc.with(dataSource, "Reading the rate plan", connection ->
                ratePlans.find(connection, p.merchantId, p.method, amount.currency()))
                .orElse(config.defaultPlan()).feeOn(amount);
    }

    /** The settlement engineer's contract: every entry on a merchant account names its payment; captures say gross and fee. */
    static Map<String, String> captureMetadata(PaymentRecord p, Money gross, Money fee) {
        return Map.of("paymentId", p.id.toString(), "gross", Long.toString(gross.minorUnits()),
                "fee", Long.toString(fee.minorUnits()));
    }

    static PaymentRecord newPayment(UUID merchantId, NewPayment request) {
        PaymentRecord p = new PaymentRecord();
        p.id = TimeOrderedIds.next();
        p.merchantId = merchantId;
        p.reference = request.reference();
        p.description = request.description();
        p.status = PaymentStatus.CREATED;
        p.method = request.payer().method();
        p.capture = request.capture();
        p.amount = request.amount();
        p.customer = request.customer();
        p.metadata = request.metadata();
        p.returnUrl = request.returnUrl();
        p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        return p;
    }

    static ScreeningRequest screeningRequest(PaymentRecord p, StoredCard card) {
        String country = p.customer.country() != null && p.customer.country().matches("[A-Z]{2}")
                ? p.customer.country() : null;
        return new ScreeningRequest(p.id.toString(), TransactionKind.PAYMENT, p.merchantId.toString(), p.amount,
                card == null ? null : card.token().toString(), null, card == null ? null : card.bin(), null,
                p.customer.email(), p.customer.phone(), p.customer.ip(), country, p.customer.deviceId(),
                p.walletId == null ? null : p.walletId.toString(),
                p.customerProfileId == null ? null : p.customerProfileId.toString(), false, false);
    }

    static Risk risk(Decision decision) {
        return new Risk(decision.verdict().name(), decision.score(), decision.fired().stream()
                .map(rule -> new Risk.Rule(rule.ruleKey(), rule.score())).toList());
    }

    private static String newClientToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
