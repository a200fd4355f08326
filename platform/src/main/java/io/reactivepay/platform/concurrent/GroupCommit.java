package io.reactivepay.platform.concurrent;

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
 * Group commit: callers hand over their request and wait; a few writer threads each take whatever has
 * queued up (up to {@code maxBatch}) and hand it to {@code batch}, which writes it as one transaction,
 * commits, and answers each request on its own. The cost of a transaction and its commit is shared by
 * every request in it; with two writers one batch is being built while the other waits for the disk.
 * A batch that throws (a lost connection, a deadlock, a bug) is taken request by request through
 * {@code single}, each in a transaction of its own, so a failure reaches only the callers it concerns;
 * the callers' requests must therefore be idempotent, so that a retry after a lost commit is safe.
 *
 * @param <Q> a request
 * @param <R> its answer
 */
public final class GroupCommit<Q, R> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

    /** One request's outcome in a batch: its answer, or the refusal its caller gets thrown. */
    public sealed interface Outcome<R> {

        record Done<R>(R answer) implements Outcome<R> {
        }

        record Refused<R>(RuntimeException refusal) implements Outcome<R> {
        }
    }

    private final String name;
    private final Function<List<Q>, List<Outcome<R>>> batch;
    private final Function<Q, R> single;
    private final int maxBatch;
    private final BlockingQueue<Pending<Q, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean open = true;

    /**
     * @param name   names the writer threads ({@code name-0}, ...) and the log lines
     * @param batch  writes the requests in a transaction of its own, committed before it returns, and
     *               gives one outcome per request, in request order
     * @param single writes one request in a transaction of its own (the fallback of a failed batch)
     */
    public GroupCommit(String name, Function<List<Q>, List<Outcome<R>>> batch, Function<Q, R> single, ThreadFactory threads,
                       int writers, int maxBatch) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("Group commit needs at least one writer and a batch of one");
        }
        this.name = name;
        this.batch = batch;
        this.single = single;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            Thread writer = threads.newThread(this::write);
            writer.setName(name + "-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /** Runs the request with others and returns its answer once their transaction has committed. */
    public R submit(Q request) {
        if (!open) {
            throw shuttingDown();
        }
        Pending<Q, R> pending = new Pending<>(request, new CompletableFuture<>());
        queue.add(pending);
        if (!open) {
            refuseQueued(); // closed while we queued: no writer will take it
        }
        try {
            return pending.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit; the call may or may not have "
                    + "been made, make it again with the same idempotency key to find out", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Batches committed so far. */
    public long batches() {
        return batches.get();
    }

    /** Requests answered through batches so far. */
    public long requests() {
        return requests.get();
    }

    /** Requests waiting for a writer (not those in a batch being written): the backlog. */
    public int queued() {
        return queue.size();
    }

    private void write() {
        List<Pending<Q, R>> taken = new ArrayList<>(maxBatch);
        while (open) {
            try {
                taken.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(taken, maxBatch - 1);
            run(taken);
            taken.clear();
        }
    }

    private void run(List<Pending<Q, R>> taken) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = batch.apply(taken.stream().map(Pending::request).toList());
            if (outcomes.size() != taken.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + taken.size() + " requests");
            }
        } catch (RuntimeException | Error failure) {
            if (taken.size() > 1) {
                LOG.log(System.Logger.Level.WARNING, "{0}: a batch of {1} failed ({2}); taking them one by one", name,
                        taken.size(), failure.toString());
            }
            for (Pending<Q, R> pending : taken) {
                try {
                    pending.answer().complete(single.apply(pending.request()));
                } catch (RuntimeException | Error e) {
                    pending.answer().completeExceptionally(e);
                }
            }
            return;
        }
        batches.incrementAndGet();
        requests.addAndGet(taken.size());
        for (int i = 0; i < taken.size(); i++) {
            if (outcomes.get(i) instanceof Outcome.Done<R> done) {
                taken.get(i).answer().complete(done.answer());
            } else {
                taken.get(i).answer().completeExceptionally(((Outcome.Refused<R>) outcomes.get(i)).refusal());
            }
        }
    }

    /** Stops the writers; requests still queued are refused, batches being written finish. */
    @Override
    public void close() {
        open = false;
        writers.forEach(Thread::interrupt);
        refuseQueued();
    }

    private void refuseQueued() {
        for (Pending<Q, R> pending; (pending = queue.poll()) != null; ) {
            pending.answer().completeExceptionally(shuttingDown());
        }
    }

    private IllegalStateException shuttingDown() {
        return new IllegalStateException(name + " is shutting down");
    }

    private record Pending<Q, R>(Q request, CompletableFuture<R> answer) {
    }
}
