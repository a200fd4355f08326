package io.reactivepay.accounts.api;

import java.util.Optional;

/** The result of re-computing the audit chain: how many rows, and the first one that does not match. */
public record AuditVerification(long rows, Optional<Long> firstBrokenId) {

    public boolean intact() {
        return firstBrokenId.isEmpty();
    }
}
