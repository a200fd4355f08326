package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.platform.concurrent.GroupCommit;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * The ledger's group commit of entries: a refusal is an outcome ({@link PostOutcome.Refused}), not an
 * exception, so every entry of a batch that commits is answered with what {@code postAll} gave it; a
 * batch that fails as a whole is posted entry by entry (idempotent keys make that safe).
 */
public final class GroupCommitter {

    private GroupCommitter() {
    }

    /**
     * @param poster posts a batch in a transaction of its own and commits it before returning (for
     *               example {@code Ledger.postAll} called on a thread without a transaction)
     */
    public static GroupCommit<PostEntry, PostOutcome> start(Function<List<PostEntry>, List<PostOutcome>> poster,
                                                            ThreadFactory threads, int writers, int maxBatch) {
        return new GroupCommit<>("ledger-group-commit",
                entries -> poster.apply(entries).stream().<GroupCommit.Outcome<PostOutcome>>map(GroupCommit.Outcome.Done::new).toList(),
                entry -> poster.apply(List.of(entry)).get(0), threads, writers, maxBatch);
    }
}
