package io.reactivepay.platform.concurrent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small map whose entries live for a fixed time: what is looked up on every request (the merchant of
 * an API key, its public keys, a verified customer token) is loaded at most once per entry and period.
 * Bounded: past {@code maxEntries} it starts afresh rather than grow with every key anyone sends.
 */
public final class Expiring<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public Expiring(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The remembered value, or the loaded one; an empty load is not remembered (a new key works at once). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.value());
        }
        Optional<V> loaded = load.apply(key);
        if (loaded.isPresent() && ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded.get(), now + ttlNanos));
        } else {
            entries.remove(key);
        }
        return loaded;
    }
}
