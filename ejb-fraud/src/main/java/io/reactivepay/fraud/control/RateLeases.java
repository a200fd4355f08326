package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.RateDecision;
import io.reactivepay.fraud.api.RateScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This server's share of each rate window's budget, spent in memory: a hit takes one from the lease
 * and only asks the database (through the given source) for a new slice when the lease is empty, and
 * not at all once the window's limit is spent. Servers together are never granted more than the limit;
 * the price is that a slice a server leased but did not spend is not available to the others until
 * the window ends: fewer than {@code servers x slice} requests may be refused while under the limit.
 */
@ApplicationScoped
public class RateLeases {

    /** Asks the database for up to {@code slice} hits of the window starting at the given second. */
    @FunctionalInterface
    public interface Source {
        int lease(long windowStart, int slice);
    }

    private record Window(RateScope scope, ByteBuffer key, long start) {
    }

    /** What is left of this server's lease, and whether the database has refused more (the window is spent). */
    private static final class Lease {
        final AtomicInteger left = new AtomicInteger();
        volatile boolean spent;
    }

    private final Map<Window, Lease> leases = new ConcurrentHashMap<>();

    /** The slice a server leases at a time: a hundredth of the limit, at least one. */
    public static int slice(FraudConfig.RateLimit limit) {
        return Math.max(1, limit.hits() / 100);
    }

    public RateDecision hit(RateScope scope, byte[] keyHash, FraudConfig.RateLimit limit, Instant now, Source source) {
        long seconds = now.getEpochSecond();
        long start = seconds - Math.floorMod(seconds, limit.seconds());
        RateDecision refused = new RateDecision(false, start + limit.seconds() - seconds);
        if (leases.size() > 10_000) {
            leases.keySet().removeIf(window -> window.start() < start - limit.seconds());
        }
        Lease lease = leases.computeIfAbsent(new Window(scope, ByteBuffer.wrap(keyHash), start), window -> new Lease());
        while (true) {
            if (take(lease)) {
                return new RateDecision(true, 0);
            }
            synchronized (lease) {
                if (lease.spent) {
                    return refused;
                }
                if (lease.left.get() > 0) {
                    continue;
                }
                int granted = source.lease(start, slice(limit));
                if (granted == 0) {
                    lease.spent = true;
                    return refused;
                }
                // this hit takes its share at once: a leasing caller never waits again, which could
                // deadlock with a caller whose transaction still holds the counter row
                lease.left.addAndGet(granted - 1);
                return new RateDecision(true, 0);
            }
        }
    }

    private static boolean take(Lease lease) {
        int left;
        do {
            left = lease.left.get();
            if (left <= 0) {
                return false;
            }
        } while (!lease.left.compareAndSet(left, left - 1));
        return true;
    }
}
