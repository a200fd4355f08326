package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.control.GroupCommitter;
import io.reactivepay.ledger.control.LedgerConfig;
import io.reactivepay.platform.concurrent.GroupCommit;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The server's group committer: writer threads from the managed thread factory post each batch through
 * {@link Ledger#postAll} on a thread without a transaction, so every batch is a transaction of its own.
 */
@ApplicationScoped
public class EntryGroupCommit {

    @EJB
    Ledger ledger;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LedgerConfig config;

    private volatile GroupCommit<PostEntry, PostOutcome> committer;

    public PostOutcome post(PostEntry request) {
        return committer().submit(request);
    }

    /** Started on first use; every call after that reads one volatile field, no lock on the hot path. */
    private GroupCommit<PostEntry, PostOutcome> committer() {
        GroupCommit<PostEntry, PostOutcome> current = committer;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (committer == null) {
                committer = GroupCommitter.start(ledger::postAll, threads, config.groupCommitWriters(),
                        config.groupCommitMaxBatch());
            }
            return committer;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (committer != null) {
            committer.close();
        }
    }
}
