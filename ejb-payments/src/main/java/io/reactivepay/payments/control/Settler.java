package io.reactivepay.payments.control;

import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.Posting;
import io.reactivepay.ledger.api.StatementLine;
import io.reactivepay.platform.money.Money;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Settles one merchant's pending account in one currency for one day, in the caller's transaction.
 * It reads the account's postings after the settled cursor, oldest first, up to the first one made
 * after the window's end, and moves exactly their sum to available; the cursor then passes them, so no
 * posting is ever settled twice. The settlement's own transfer carries {@code settlementId} and is
 * passed over by the next settlement (it is not money to settle).
 * <p>
 * Postings are read in id order and the window is closed by time, so a posting is only settled once
 * its transaction committed: this holds as long as the settlement delay is longer than any
 * transaction, which it is by orders of magnitude (a day against seconds).
 */
public class Settler {

    private static final int PAGE = 500;

    private final Ledger ledger;
    private final SettlementStore store;
    private final PayoutBooks payouts;

    public Settler(Ledger ledger, SettlementStore store, PayoutBooks payouts) {
        this.ledger = ledger;
        this.store = store;
        this.payouts = payouts;
    }

    /**
     * The day's settlement, or empty if the day is settled already or nothing is due. With
     * {@code payOut} a positive net is paid out at once (the payout is recorded here and handed to the
     * bank by the caller after commit).
     */
    public Optional<SettlementRecord> settle(Connection connection, MerchantLedgerAccounts accounts, LocalDate day,
                                             Instant windowEnd, boolean payOut, Instant now) throws SQLException {
        long cursor = store.lockCursor(connection, accounts.merchantId(), accounts.currency());
        if (store.settled(connection, accounts.merchantId(), accounts.currency(), day)) {
            return Optional.empty();
        }
        SettlementFigures figures = new SettlementFigures(accounts.currency());
        long first = 0;
        long last = cursor;
        int counted = 0;
        boolean more = true;
        while (more) {
            List<StatementLine> page = ledger.statement(accounts.pending(), last, PAGE);
            more = page.size() == PAGE;
            for (StatementLine line : page) {
                if (line.at().isAfter(windowEnd)) {
                    more = false;
                    break;
                }
                Entry entry = ledger.entry(line.entryId()).orElseThrow();
                if (!entry.metadata().containsKey("settlementId")) {
                    figures.add(line.amount(), entry);
                    counted++;
                }
                first = first == 0 ? line.postingId() : first;
                last = line.postingId();
            }
        }
        if (counted == 0) {
            // nothing but earlier settlements' own transfers: pass them, record no empty settlement
            if (last > cursor) {
                store.advanceCursor(connection, accounts.merchantId(), accounts.currency(), last);
            }
            return Optional.empty();
        }
        UUID settlementId = UUID.randomUUID();
        UUID entryId = figures.net() == 0 ? null : moveNet(accounts, settlementId, figures.net());
        UUID payoutId = null;
        if (payOut && figures.net() > 0) {
            payoutId = UUID.randomUUID();
            payouts.open(connection, payoutId, accounts, new Money(figures.net(), accounts.currency()),
                    "Settlement " + day, settlementId, now);
        }
        SettlementRecord settlement = new SettlementRecord(settlementId, accounts.merchantId(), accounts.currency(), day,
                windowEnd, first, last, figures.gross(), figures.fees(), figures.refunds(), figures.chargebacks(),
                figures.other(), figures.net(), figures.payments(), entryId, payoutId, now);
        store.insert(connection, settlement);
        return Optional.of(settlement);
    }

    /** Pending to available; a negative net (more refunded than captured) goes back from available. */
    private UUID moveNet(MerchantLedgerAccounts accounts, UUID settlementId, long net) {
        Money amount = new Money(Math.abs(net), accounts.currency());
        UUID from = net > 0 ? accounts.pending() : accounts.available();
        UUID to = net > 0 ? accounts.available() : accounts.pending();
        return ledger.post(new PostEntry(PayoutBooks.LEDGER_CLIENT, "settlement:" + settlementId, EntryCode.TRANSFER,
                List.of(Posting.debit(from, amount), Posting.credit(to, amount)),
                Map.of("settlementId", settlementId.toString(), "merchantId", accounts.merchantId().toString()))).id();
    }
}
