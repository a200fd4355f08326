package io.reactivepay.payments.boundary;

import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.Outbox;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.SystemAccount;
import io.reactivepay.payments.api.ChargebackView;
import io.reactivepay.payments.api.Chargebacks;
import io.reactivepay.payments.api.PaymentMethod;
import io.reactivepay.payments.api.PaymentStatus;
import io.reactivepay.payments.api.PaymentsException;
import io.reactivepay.payments.control.ChargebackStore;
import io.reactivepay.payments.control.PaymentEvents;
import io.reactivepay.payments.control.PaymentRecord;
import io.reactivepay.payments.control.PaymentStore;
import io.reactivepay.payments.control.PaymentsConfig;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Chargebacks, each step one transaction with its entry, event and audit record. Opening debits the
 * merchant's pending account into CHARGEBACK_RESERVE; winning moves it back; losing pays the reserve to
 * ACQUIRER_CLEARING (the acquirer already took it back from us) and charges the merchant the chargeback
 * fee to FEES, in the same entry.
 */
@Stateless
public class ChargebacksBean implements Chargebacks {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @EJB
    Ledger ledger;

    @EJB
    Outbox outbox;

    @EJB
    AuditLog audit;

    @EJB
    MerchantAccountsBean merchantAccounts;

    @Inject
    PaymentStore payments;

    @Inject
    ChargebackStore store;

    @Inject
    PaymentsConfig config;

    @Override
    public ChargebackView open(UUID paymentId, Money amount, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw PaymentsException.invalid("reason", "A reason of 1 to 500 characters is required");
        }
        return Jdbc.with(dataSource, "Opening a chargeback", connection -> {
            PaymentRecord p = payments.lock(connection, null, paymentId);
            if (p.method != PaymentMethod.CARD
                    || (p.status != PaymentStatus.CAPTURED && p.status != PaymentStatus.PARTIALLY_REFUNDED)) {
                throw new PaymentsException(PaymentsException.INVALID_STATE, "Only a captured card payment is disputed");
            }
            if (!amount.currency().equals(p.amount.currency()) || !amount.isPositive()
                    || amount.minorUnits() > p.capturedMinor - p.refundedMinor) {
                throw new PaymentsException(PaymentsException.AMOUNT_TOO_LARGE, "amount",
                        "At most " + p.money(p.capturedMinor - p.refundedMinor).toDecimalString() + " can be disputed");
            }
            UUID id = UUID.randomUUID();
            ledger.post(new PostEntry(PaymentStepsBean.LEDGER_CLIENT, "chargeback-open:" + id, EntryCode.CHARGEBACK,
                    List.of(Posting.debit(pending(p), amount), Posting.credit(reserve(p), amount)), metadata(p, id)));
            ChargebackView opened = new ChargebackView(id, p.id, amount, ChargebackView.Status.OPEN, reason,
                    Optional.empty(), Instant.now().truncatedTo(ChronoUnit.MICROS), Optional.empty());
            store.insert(connection, opened, p.merchantId);
            p.statusBeforeChargeback = p.status;
            p.status = PaymentStatus.CHARGEBACK;
            return after(connection, p, opened, "chargeback.opened", actor);
        });
    }

    @Override
    public ChargebackView win(UUID chargebackId, String actor) {
        return Jdbc.with(dataSource, "Winning a chargeback", connection -> {
            ChargebackView open = lockOpen(connection, chargebackId);
            PaymentRecord p = payments.lock(connection, null, open.paymentId());
            ledger.post(new PostEntry(PaymentStepsBean.LEDGER_CLIENT, "chargeback-won:" + open.id(), EntryCode.CHARGEBACK,
                    List.of(Posting.debit(reserve(p), open.amount()), Posting.credit(pending(p), open.amount())),
                    metadata(p, open.id())));
            ChargebackView won = store.close(connection, open.id(), ChargebackView.Status.WON, null);
            p.status = p.statusBeforeChargeback;
            p.statusBeforeChargeback = null;
            return after(connection, p, won, "chargeback.won", actor);
        });
    }

    @Override
    public ChargebackView lose(UUID chargebackId, String actor) {
        return Jdbc.with(dataSource, "Losing a chargeback", connection -> {
            ChargebackView open = lockOpen(connection, chargebackId);
            PaymentRecord p = payments.lock(connection, null, open.paymentId());
            Money fee = p.money(config.chargebackFeeMinor());
            List<Posting> postings = new java.util.ArrayList<>(List.of(Posting.debit(reserve(p), open.amount()),
                    Posting.credit(merchantAccounts.system(SystemAccount.ACQUIRER_CLEARING, p.amount.currency()),
                            open.amount())));
            if (fee.isPositive()) {
                postings.add(Posting.debit(pending(p), fee));
                postings.add(Posting.credit(merchantAccounts.system(SystemAccount.FEES, p.amount.currency()), fee));
            }
            Map<String, String> metadata = new java.util.HashMap<>(metadata(p, open.id()));
            metadata.put("fee", Long.toString(fee.minorUnits()));
            ledger.post(new PostEntry(PaymentStepsBean.LEDGER_CLIENT, "chargeback-lost:" + open.id(),
                    EntryCode.CHARGEBACK, postings, metadata));
            ChargebackView lost = store.close(connection, open.id(), ChargebackView.Status.LOST, fee.minorUnits());
            p.status = PaymentStatus.CHARGED_BACK;
            return after(connection, p, lost, "chargeback.lost", actor);
        });
    }

    @Override
    public Optional<ChargebackView> find(UUID chargebackId) {
        return Jdbc.with(dataSource, "Reading a chargeback", connection -> store.find(connection, chargebackId, false));
    }

    @Override
    public List<ChargebackView> forPayment(UUID paymentId) {
        return Jdbc.with(dataSource, "Reading chargebacks", connection -> store.forPayment(connection, paymentId));
    }

    private ChargebackView lockOpen(Connection connection, UUID id) throws SQLException {
        ChargebackView chargeback = store.find(connection, id, true).orElseThrow(() ->
                new PaymentsException(PaymentsException.CHARGEBACK_NOT_FOUND, "No chargeback " + id));
        if (chargeback.status() != ChargebackView.Status.OPEN) {
            throw new PaymentsException(PaymentsException.INVALID_STATE, "The chargeback is "
                    + chargeback.status().name().toLowerCase());
        }
        return chargeback;
    }

    private ChargebackView after(Connection connection, PaymentRecord p, ChargebackView chargeback, String type,
                                 String actor) throws SQLException {
        payments.update(connection, p);
        outbox.append(PaymentEvents.chargeback(type, chargeback, p.merchantId));
        audit.record(new AuditEvent(actor == null || actor.isBlank() ? "system" : actor, type, "chargeback",
                chargeback.id().toString(), "payments", Map.of("paymentId", p.id.toString(),
                "amount", chargeback.amount().toDecimalString(), "currency",
                chargeback.amount().currency().getCurrencyCode())));
        return chargeback;
    }

    private UUID pending(PaymentRecord p) {
        return merchantAccounts.of(p.merchantId, p.amount.currency()).pending();
    }

    private UUID reserve(PaymentRecord p) {
        return merchantAccounts.system(SystemAccount.CHARGEBACK_RESERVE, p.amount.currency());
    }

    private static Map<String, String> metadata(PaymentRecord p, UUID chargebackId) {
        return Map.of("paymentId", p.id.toString(), "chargebackId", chargebackId.toString());
    }
}
