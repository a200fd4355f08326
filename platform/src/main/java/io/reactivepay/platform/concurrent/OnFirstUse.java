package io.reactivepay.platform.concurrent;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Something a bean starts on first use and closes with itself, such as a {@link GroupCommit} whose
 * writers come from the container's thread factory (usable once the application runs, not while it
 * deploys). After the first call, {@link #get} reads one volatile field: no lock on the hot path.
 */
public final class OnFirstUse<T extends AutoCloseable> {

    private final Supplier<T> start;
    private volatile T started;

    public OnFirstUse(Supplier<T> start) {
        this.start = start;
    }

    public T get() {
        T current = started;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (started == null) {
                started = start.get();
            }
            return started;
        }
    }

    /** The thing, if something has used it yet. */
    public Optional<T> ifStarted() {
        return Optional.ofNullable(started);
    }

    public synchronized void close() {
        if (started != null) {
            try {
                started.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing failed: " + e.getMessage(), e);
            } finally {
                started = null;
            }
        }
    }
}
