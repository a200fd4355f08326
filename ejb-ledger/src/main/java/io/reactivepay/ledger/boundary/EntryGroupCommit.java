package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.Ledger;
import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import io.reactivepay.ledger.control.GroupCommitter;
import io.reactivepay.ledger.control.LedgerConfig;
import io.reactivepay.platform.concurrent.GroupCommit;
import io.reactivepay.platform.concurrent.OnFirstUse;
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

    private final OnFirstUse<GroupCommit<PostEntry, PostOutcome>> committer = new OnFirstUse<>(() -> GroupCommitter.start(
            ledger::postAll, threads, config.groupCommitWriters(), config.groupCommitMaxBatch()));

    public PostOutcome post(PostEntry request) {
        return committer.get().submit(request);
    }

    @PreDestroy
    void close() {
        committer.close();
    }
}
