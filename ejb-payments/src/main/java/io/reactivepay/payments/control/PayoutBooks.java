package io.reactivepay.payments.control;

import io.reactivepay.ledger.api.Balance;
import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.platform.event.EventEnvelope;
import io.reactivepay.platform.event.Topics;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A payout's money and state, in the caller's transaction. Recording a payout debits the merchant's
 * available account into {@link SystemAccount#WORLD}: from our books' view the money has left once it
 * is handed to the bank rail, and the bank statement later confirms it. A payout that fails is
 * credited back by reversing that entry, so the merchant's available balance is as if it never was.
 * Each change appends its {@code payout.*} event to the outbox.
 * <p>
 * Not a CDI bean: the boundary beans build it from their {@code @EJB} references to the ledger, which
 * lives in another module.
 */
public class PayoutBooks {

    public static final String LEDGER_CLIENT = "payments";

    private final Ledger ledger;
    private final Outbox outbox;
    private final PayoutStore store;

    public PayoutBooks(Ledger ledger, Outbox outbox, PayoutStore store) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.store = store;
    }

    /**
     * Records a new PENDING payout and debits the merchant's available balance.
     *
     * @throws PaymentsException {@link PaymentsException#AMOUNT_TOO_LARGE} above the available balance
     */
    public PayoutRecord open(Connection connection, UUID payoutId, MerchantLedgerAccounts accounts, Money amount,
                             String reference, UUID settlementId, Instant now) throws SQLException {
        Balance available = ledger.balance(accounts.available());
        if (available.available().minorUnits() < amount.minorUnits()) {
            throw tooLarge(amount, available.available());
        }
        Entry debit;
        try {
            debit = ledger.post(new PostEntry(LEDGER_CLIENT, "payout:" + payoutId, EntryCode.PAYOUT,
                    List.of(Posting.debit(accounts.available(), amount),
                            Posting.credit(ledger.systemAccount(SystemAccount.WORLD, amount.currency()).id(), amount)),
                    Map.of("payoutId", payoutId.toString(), "merchantId", accounts.merchantId().toString())));
        } catch (LedgerException e) {
            if (e.errorCode().equals(LedgerException.INSUFFICIENT_FUNDS)) {
                throw tooLarge(amount, ledger.balance(accounts.available()).available());
            }
            throw e;
        }
        PayoutRecord payout = new PayoutRecord(payoutId, accounts.merchantId(), amount, PayoutView.Status.PENDING,
                reference, settlementId, PayoutRecord.endToEndId(payoutId), debit.id(), PayoutRecord.BankStage.NEW, null,
                null, now, now);
        store.insert(connection, payout);
        publish(payout, "payout.pending");
        return payout;
    }

    /** Marks an open payout PAID; false if it was not open any more. */
    public boolean paid(Connection connection, UUID payoutId, String bankReference, Instant now) throws SQLException {
        Optional<PayoutRecord> paid = store.markPaid(connection, payoutId, bankReference, now);
        paid.ifPresent(payout -> publish(payout, "payout.paid"));
        return paid.isPresent();
    }

    /**
     * Marks a pending (refused) or paid (returned by the creditor's bank) payout FAILED and credits
     * its amount back to the merchant's available balance; false if it had failed already.
     */
    public boolean fail(Connection connection, UUID payoutId, String reason, Instant now) throws SQLException {
        Optional<PayoutRecord> open = store.lock(connection, payoutId).filter(p -> p.status() != PayoutView.Status.FAILED);
        if (open.isEmpty()) {
            return false;
        }
        Entry credit = ledger.reverse(LEDGER_CLIENT, "payout-failed:" + payoutId, open.get().debitEntryId(),
                "payout " + payoutId + " failed: " + reason);
        PayoutRecord failed = store.markFailed(connection, payoutId, reason, credit.id(), now).orElseThrow();
        publish(failed, "payout.failed");
        return true;
    }

    private void publish(PayoutRecord payout, String type) {
        String payload = "{\"merchantId\":\"" + payout.merchantId() + "\",\"data\":" + PaymentJson.payout(payout.view()) + "}";
        outbox.append(EventEnvelope.of(Topics.PAYMENTS_EVENTS, payout.id().toString(), type, payload));
    }

    private static PaymentsException tooLarge(Money amount, Money available) {
        return new PaymentsException(PaymentsException.AMOUNT_TOO_LARGE, "amount",
                "A payout of " + amount + " is more than the available balance of " + available);
    }
}
