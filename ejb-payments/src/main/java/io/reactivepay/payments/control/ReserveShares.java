package io.reactivepay.payments.control;

import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.StatementLine;
import io.reactivepay.ledger.api.SystemAccount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A merchant's share of {@link SystemAccount#CHARGEBACK_RESERVE}, which is one account per currency for
 * all merchants. A posting on the reserve is the merchant's when its entry also posts to one of the
 * merchant's accounts (the chargeback taking the money from the merchant, or giving it back when won),
 * or when it carries the {@code chargebackId} of such an entry (a lost chargeback, paid from the
 * reserve to the acquirer without touching the merchant).
 * <p>
 * It reads the reserve's whole statement: fine while chargebacks are few; a read model fed by the
 * ledger's events is the step after.
 */
public class ReserveShares {

    private static final int PAGE = 500;

    private final Ledger ledger;

    public ReserveShares(Ledger ledger) {
        this.ledger = ledger;
    }

    public long reserved(MerchantLedgerAccounts accounts) {
        var reserve = ledger.systemAccount(SystemAccount.CHARGEBACK_RESERVE, accounts.currency()).id();
        Set<String> chargebacks = new HashSet<>();
        long share = 0;
        long after = 0;
        List<StatementLine> page;
        do {
            page = ledger.statement(reserve, after, PAGE);
            for (StatementLine line : page) {
                Entry entry = ledger.entry(line.entryId()).orElseThrow();
                String chargeback = entry.metadata().get("chargebackId");
                boolean merchants = entry.postings().stream().anyMatch(p -> p.accountId().equals(accounts.pending())
                        || p.accountId().equals(accounts.available()));
                if (merchants && chargeback != null) {
                    chargebacks.add(chargeback);
                }
                if (merchants || (chargeback != null && chargebacks.contains(chargeback))) {
                    share = Math.addExact(share, line.amount().minorUnits());
                }
                after = line.postingId();
            }
        } while (page.size() == PAGE);
        return share;
    }
}
