package org.provisio.adapters.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A unique index (a user name's key to the user, a token hash to its invitation): a map without
 * order that journals every write with the {@link Guard}, so that a rollback restores it. Lighter
 * than a {@link SeqMap} (one hash-map node an entry), which only the tables that are listed in
 * creation order need.
 */
final class KeyIndex<K, V> {
    private final Guard guard;
    private final Map<K, V> entries = new HashMap<>();

    KeyIndex(Guard guard) {
        this.guard = guard;
    }

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized boolean contains(K key) {
        return entries.containsKey(key);
    }

    synchronized void put(K key, V value) {
        V previous = entries.put(key, value);
        guard.onRollback(() -> {
            synchronized (this) {
                if (previous == null) {
                    entries.remove(key);
                } else {
                    entries.put(key, previous);
                }
            }
        });
    }

    synchronized void remove(K key) {
        V previous = entries.remove(key);
        if (previous != null) {
            guard.onRollback(() -> {
                synchronized (this) {
                    entries.put(key, previous);
                }
            });
        }
    }
}
