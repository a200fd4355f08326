package io.reactivepay.bench.harness;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Paces one caller of a benchmark at a fixed interval (0: unpaced). Each caller starts at a random phase
 * of its interval: started together and paced alike, callers would all call at the same instants, a
 * burst of every caller at once instead of a steady rate. A paced call is late from when it was due, so
 * a caller held up by a slow call does not hide the wait (no coordinated omission).
 */
public final class Pacer {

    private final long intervalNanos;
    private long next;

    public Pacer(double intervalNanos) {
        this.intervalNanos = (long) intervalNanos;
        this.next = System.nanoTime() + (long) (ThreadLocalRandom.current().nextDouble() * intervalNanos);
    }

    /** Waits until the next call is due; returns the instant a call's latency is measured from. */
    public long awaitNext() throws InterruptedException {
        if (intervalNanos <= 0) {
            return System.nanoTime();
        }
        long wait = next - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        long due = next;
        next += intervalNanos;
        return due;
    }
}
