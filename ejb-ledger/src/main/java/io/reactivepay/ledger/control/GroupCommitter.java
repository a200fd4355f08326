package io.reactivepay.ledger.control;

import io.reactivepay.ledger.api.PostEntry;
import io.reactivepay.ledger.api.PostOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Group commit: callers hand over their entries and wait; a few writer threads each take whatever has
 * queued up (up to {@code maxBatch}) and post it as one transaction, so the cost of a transaction and
 * its commit is shared by every entry in it. With two writers one batch is being built while the other
 * waits for its commit to reach the disk. A batch whose transaction fails as a whole (a lost connection,
 * a unique violation) is retried entry by entry, each in a transaction of its own, so a failure reaches
 * only the callers it concerns.
 */
public final class GroupCommitter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());

    private final Function<List<PostEntry>, List<PostOutcome>> poster;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong entries = new AtomicLong();
    private volatile boolean open = true;

    /**
     * @param poster posts a batch in a transaction of its own and commits it before returning (for
     *               example {@code Ledger.postAll} called on a thread without a transaction)
     */
    public GroupCommitter(Function<List<PostEntry>, List<PostOutcome>> poster, ThreadFactory threads, int writers,
                          int maxBatch) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("Group commit needs at least one writer and a batch of one");
        }
        this.poster = poster;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            Thread writer = threads.newThread(this::write);
            writer.setName("ledger-group-commit-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /** Posts the entry with others and returns once it is committed; throws what {@code Ledger.post} would. */
    public PostOutcome post(PostEntry request) {
        if (!open) {
            throw new IllegalStateException("The ledger is shutting down");
        }
        Pending pending = new Pending(request, new CompletableFuture<>());
        queue.add(pending);
        if (!open) {
            refuseQueued(); // closed while we queued: no writer will take it
        }
        try {
            return pending.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit; the entry may or may not "
                    + "be posted, post it again with the same idempotency key to find out", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Batches committed so far. */
    public long batches() {
        return batches.get();
    }

    /** Entries posted (or refused) through batches so far. */
    public long entries() {
        return entries.get();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (open) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            post(batch);
            batch.clear();
        }
    }

    private void post(List<Pending> batch) {
        List<PostEntry> requests = batch.stream().map(Pending::request).toList();
        try {
            List<PostOutcome> outcomes = poster.apply(requests);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
            batches.incrementAndGet();
            entries.addAndGet(batch.size());
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1) {
                batch.get(0).outcome().completeExceptionally(failure);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "A batch of {0} entries failed ({1}); posting them one by one",
                    batch.size(), failure.toString());
            batch.forEach(pending -> post(List.of(pending)));
        }
    }

    /** Stops the writers; entries still queued are refused, entries being written finish. */
    @Override
    public void close() {
        open = false;
        writers.forEach(Thread::interrupt);
        refuseQueued();
    }

    private void refuseQueued() {
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.outcome().completeExceptionally(new IllegalStateException("The ledger is shutting down"));
        }
    }

    private record Pending(PostEntry request, CompletableFuture<PostOutcome> outcome) {
    }
}
