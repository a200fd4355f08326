package io.reactivepay.payments.control;

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
 * Group commit for whole payments, as the ledger's GroupCommitter does it for entries: callers queue
 * their request and wait; writer threads take whatever has queued (up to {@code maxBatch}) and hand it
 * to {@code batch}, which commits it as one transaction and answers each request on its own. If the
 * batch throws, each request is run through {@code single} instead, one transaction each, so a failure
 * reaches only the callers it concerns.
 *
 * @param <Q> a request
 * @param <R> its answer
 */
public final class Batcher<Q, R> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Batcher.class.getName());

    /** One request's outcome in a batch: its answer, or the refusal its caller gets thrown. */
    public sealed interface Outcome<R> {
        record Done<R>(R answer) implements Outcome<R> {
        }

        record Refused<R>(RuntimeException refusal) implements Outcome<R> {
        }
    }

    private final Function<List<Q>, List<Outcome<R>>> batch;
    private final Function<Q, R> single;
    private final int maxBatch;
    private final BlockingQueue<Pending<Q, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean open = true;

    public Batcher(String name, Function<List<Q>, List<Outcome<R>>> batch, Function<Q, R> single, ThreadFactory threads,
                   int writers, int maxBatch) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("Group commit needs at least one writer and a batch of one");
        }
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

    /** Runs the request with others and returns once their transaction has committed. */
    public R submit(Q request) {
        if (!open) {
            throw new IllegalStateException("Payments are shutting down");
        }
        Pending<Q, R> pending = new Pending<>(request, new CompletableFuture<>());
        queue.add(pending);
        if (!open) {
            refuseQueued();
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

    public long batches() {
        return batches.get();
    }

    public long requests() {
        return requests.get();
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
        try {
            List<Outcome<R>> outcomes = batch.apply(taken.stream().map(Pending::request).toList());
            for (int i = 0; i < taken.size(); i++) {
                if (outcomes.get(i) instanceof Outcome.Done<R> done) {
                    taken.get(i).answer().complete(done.answer());
                } else {
                    taken.get(i).answer().completeExceptionally(((Outcome.Refused<R>) outcomes.get(i)).refusal());
                }
            }
            batches.incrementAndGet();
            requests.addAndGet(taken.size());
        } catch (RuntimeException | Error failure) {
            LOG.log(System.Logger.Level.WARNING, "A batch of {0} payments failed ({1}); taking them one by one",
                    taken.size(), failure.toString());
            for (Pending<Q, R> pending : taken) {
                try {
                    pending.answer().complete(single.apply(pending.request()));
                } catch (RuntimeException | Error e) {
                    pending.answer().completeExceptionally(e);
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        writers.forEach(Thread::interrupt);
        refuseQueued();
    }

    private void refuseQueued() {
        for (Pending<Q, R> pending; (pending = queue.poll()) != null; ) {
            pending.answer().completeExceptionally(new IllegalStateException("Payments are shutting down"));
        }
    }

    private record Pending<Q, R>(Q request, CompletableFuture<R> answer) {
    }
}
