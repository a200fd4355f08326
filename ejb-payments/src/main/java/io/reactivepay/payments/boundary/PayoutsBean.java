package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.payments.api.MerchantCall;
import io.reactivepay.payments.api.NewPayout;
import io.reactivepay.payments.api.PaymentJson;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.api.PayoutView;
import io.reactivepay.payments.api.Payouts;
import io.reactivepay.payments.api.Receipt;
import io.reactivepay.payments.control.MerchantLedgerAccounts;
import io.reactivepay.payments.control.PayoutBooks;
import io.reactivepay.payments.control.PayoutRecord;
import io.reactivepay.payments.control.PayoutStore;
import io.reactivepay.payments.control.Receipts;
import io.reactivepay.payments.control.SettlementStore;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A merchant's payout request: in one transaction the idempotency key is claimed, the merchant's bank
 * account and available balance are checked, the available account is debited, the payout is recorded
 * PENDING with its event and the receipt is stored. Only after that commits is the payout handed to
 * the bank ({@link BankPayouts#handOff}); the receipt stays the first answer (201, pending).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PayoutsBean implements Payouts {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    NewTransaction transactions;

    @EJB
    Merchants merchants;

    @EJB
    BankPayouts bank;

    @Inject
    Receipts receipts;

    @Inject
    PayoutStore store;

    @Inject
    SettlementStore settlements;

    @EJB
    Ledger ledger;

    @EJB
    Outbox outbox;

    PayoutBooks books;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        books = new PayoutBooks(ledger, outbox, store);
    }

    private record Answer(Receipt receipt, Optional<UUID> created) {
    }

    @Override
    public Receipt create(MerchantCall call, NewPayout payout) {
        Answer answer = transactions.call(() -> Jdbc.with(dataSource, "Recording a payout", connection -> {
            Receipts.Claim claim = receipts.claim(connection, call);
            if (claim instanceof Receipts.Claim.Earlier earlier) {
                return new Answer(earlier.receipt().isPresent() ? earlier.receipt().get() : current(connection, earlier),
                        Optional.empty());
            }
            Merchant merchant = merchants.find(call.merchantId()).filter(m -> m.status() == Merchant.Status.ACTIVE)
                    .orElseThrow(() -> new PaymentsException(PaymentsException.MERCHANT_NOT_ACTIVE,
                            "The merchant is not active"));
            if (merchants.bankAccount(merchant.id()).isEmpty()) {
                throw new PaymentsException(PaymentsException.NO_BANK_ACCOUNT,
                        "The merchant has no bank account to pay out to");
            }
            // a currency the merchant never took payments in has nothing available (and opens no accounts)
            MerchantLedgerAccounts accounts = settlements.merchantAccounts(connection, merchant.id()).stream()
                    .filter(a -> a.currency().equals(payout.amount().currency())).findFirst()
                    .orElseThrow(() -> new PaymentsException(PaymentsException.AMOUNT_TOO_LARGE, "amount",
                            "Nothing is available in " + payout.amount().currency()));
            UUID payoutId = UUID.randomUUID();
            receipts.attach(connection, call, payoutId);
            PayoutRecord recorded = books.open(connection, payoutId, accounts, payout.amount(), payout.reference(),
                    null, clock.instant().truncatedTo(ChronoUnit.MICROS));
            Receipt receipt = receipts.complete(connection, call, payoutId, 201, PaymentJson.payout(recorded.view()));
            return new Answer(receipt, Optional.of(payoutId));
        }));
        answer.created().ifPresent(bank::handOff);
        return answer.receipt();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PayoutView> find(UUID merchantId, UUID payoutId) {
        return Jdbc.with(dataSource, "Reading a payout", connection -> store.find(connection, payoutId))
                .filter(p -> p.merchantId().equals(merchantId)).map(PayoutRecord::view);
    }

    /** An earlier call whose answer is not stored: cannot happen for payouts (the answer commits with the claim). */
    private Receipt current(java.sql.Connection connection, Receipts.Claim.Earlier earlier) throws java.sql.SQLException {
        UUID payoutId = earlier.resourceId().orElseThrow(() ->
                new IllegalStateException("An earlier payout call left neither an answer nor a payout"));
        return new Receipt(201, PaymentJson.payout(store.find(connection, payoutId).orElseThrow().view()), true);
    }
}
