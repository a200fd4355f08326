package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.AccountStatus;
import io.reactivepay.ledger.api.LedgerAccount;
import io.reactivepay.ledger.api.LedgerException;
import io.reactivepay.ledger.api.Posting;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules an entry must meet before anything is written. */
public final class EntryRules {

    static final int MAX_POSTINGS = 32;

    private EntryRules() {
    }

    /** Two to 32 postings, each account once, summing to zero in every currency. */
    public static void check(List<Posting> postings) {
        if (postings.size() < 2 || postings.size() > MAX_POSTINGS) {
            throw new LedgerException(LedgerException.INVALID_ENTRY,
                    "An entry has 2 to " + MAX_POSTINGS + " postings, not " + postings.size());
        }
        Set<java.util.UUID> accounts = new HashSet<>();
        Map<Currency, Long> sums = new HashMap<>();
        for (Posting posting : postings) {
            if (!accounts.add(posting.accountId())) {
                throw new LedgerException(LedgerException.INVALID_ENTRY,
                        "Account " + posting.accountId() + " appears more than once in the entry");
            }
            sums.merge(posting.amount().currency(), posting.amount().minorUnits(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new LedgerException(LedgerException.INVALID_ENTRY,
                        "Postings in " + currency + " sum to " + sum + " instead of zero");
            }
        });
    }

    /** The account takes the posting: same currency, not closed, and not frozen when debited. */
    static void checkAccount(LedgerAccount account, Posting posting) {
        if (!account.currency().equals(posting.amount().currency())) {
            throw new LedgerException(LedgerException.CURRENCY_MISMATCH, "Account " + account.id() + " holds "
                    + account.currency() + ", not " + posting.amount().currency());
        }
        if (account.status() == AccountStatus.CLOSED) {
            throw new LedgerException(LedgerException.ACCOUNT_CLOSED, "Account " + account.id() + " is closed");
        }
        if (account.status() == AccountStatus.FROZEN && posting.amount().isNegative()) {
            throw new LedgerException(LedgerException.ACCOUNT_FROZEN, "Account " + account.id() + " is frozen");
        }
    }
}
