package io.reactivepay.ledger.control;

import java.util.concurrent.TimeUnit;

/**
 * Where the outbox relay reads next. Ids are taken when a transaction writes, not when it commits, so
 * an event can become visible after events with higher ids were published (a latecomer). The relay
 * reads on from the last id it published; every {@link #SWEEP_NANOS} it steps back
 * {@link #LOOKBACK_IDS} ids, which catches the latecomers of every transaction that took less time
 * than that many events take to be written (seconds at the peak, far more at any lower rate); and
 * every {@link #FULL_SWEEP_NANOS} it reads from the first row, for the events of longer transactions.
 * A read from the first row is what it avoids doing often: published rows are deleted, and until
 * vacuum removes them a read walks every one of them again (tens of thousands under load, a scan of
 * hundreds of milliseconds).
 */
public final class OutboxCursor {

    static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long FULL_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long LOOKBACK_IDS = 10_000;

    private long publishedUpTo;
    private long highest;
    private long lastSweep;
    private long lastFullSweep;

    /** A cursor whose first read, at {@code nowNanos}, is from the first row. */
    public OutboxCursor(long nowNanos) {
        lastSweep = nowNanos;
        lastFullSweep = nowNanos - FULL_SWEEP_NANOS;
    }

    /** The id after which the next read starts, at {@code nowNanos} (System.nanoTime). */
    public long readAfter(long nowNanos) {
        if (nowNanos - lastFullSweep >= FULL_SWEEP_NANOS) {
            publishedUpTo = 0;
            lastFullSweep = nowNanos;
            lastSweep = nowNanos;
        } else if (nowNanos - lastSweep >= SWEEP_NANOS) {
            publishedUpTo = Math.max(0, publishedUpTo - LOOKBACK_IDS);
            lastSweep = nowNanos;
        }
        return publishedUpTo;
    }

    /**
     * A read published events up to {@code lastId} (with none, the id it started after). A read that
     * was not cut off by its limit saw everything above where it started, so reading goes on from the
     * highest id ever published, not from the step back of a sweep that found nothing: an idle relay
     * does not walk the dead rows behind it at every poll.
     *
     * @param cutOff whether the read returned as many events as it was allowed (more may follow)
     */
    public void published(long lastId, boolean cutOff) {
        highest = Math.max(highest, lastId);
        publishedUpTo = cutOff ? lastId : highest;
    }
}
