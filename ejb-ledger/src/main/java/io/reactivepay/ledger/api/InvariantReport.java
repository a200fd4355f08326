package io.reactivepay.ledger.api;

import java.util.List;

/** The outcome of checking the whole ledger; {@code violations} describe every broken invariant found. */
public record InvariantReport(long entries, long accounts, List<String> violations) {

    public InvariantReport {
        violations = List.copyOf(violations);
    }

    public boolean holds() {
        return violations.isEmpty();
    }
}
