package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A map that keeps insertion order across updates, iterated in that order without sorting, and
 * journals every write with the {@link Guard}, so that a rollback restores it exactly (a removed
 * entry comes back in its place). Its methods, and the undo actions it journals, hold its monitor,
 * so that a rollback on one thread never races a read of a table shared by all tenants.
 */
final class SeqMap<K, V> {
    private record Row<V>(long seq, V value) {
    }

    private final Guard guard;
    private final Map<K, Row<V>> rows = new HashMap<>();
    private final TreeMap<Long, K> order = new TreeMap<>();
    private long nextSeq;

    SeqMap(Guard guard) {
        this.guard = guard;
    }

    synchronized Optional<V> get(K key) {
        Row<V> row = rows.get(key);
        return row == null ? Optional.empty() : Optional.of(row.value());
    }

    synchronized V getOrNull(K key) {
        Row<V> row = rows.get(key);
        return row == null ? null : row.value();
    }

    synchronized boolean contains(K key) {
        return rows.containsKey(key);
    }

    synchronized int size() {
        return rows.size();
    }

    /** Inserts or replaces; a replaced value keeps its place in the order. */
    synchronized void put(K key, V value) {
        Row<V> previous = rows.get(key);
        long seq = previous == null ? nextSeq++ : previous.seq();
        rows.put(key, new Row<>(seq, value));
        if (previous == null) {
            order.put(seq, key);
        }
        guard.onRollback(() -> {
            synchronized (this) {
                if (previous == null) {
                    rows.remove(key);
                    order.remove(seq);
                } else {
                    rows.put(key, previous);
                }
            }
        });
    }

    synchronized boolean remove(K key) {
        Row<V> previous = rows.remove(key);
        if (previous == null) {
            return false;
        }
        order.remove(previous.seq());
        guard.onRollback(() -> {
            synchronized (this) {
                rows.put(key, previous);
                order.put(previous.seq(), key);
            }
        });
        return true;
    }

    /** The values in insertion order; the caller holds the lock that keeps writers out while it iterates. */
    Iterable<V> values() {
        return () -> new java.util.Iterator<>() {
            private final java.util.Iterator<K> keys = order.values().iterator();

            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public V next() {
                return rows.get(keys.next()).value();
            }
        };
    }

    /** A value with its place in the insertion order. */
    record Entry<V>(long seq, V value) {
    }

    /** The entry of {@code key}, if present. */
    synchronized Optional<Entry<V>> entry(K key) {
        Row<V> row = rows.get(key);
        return row == null ? Optional.empty() : Optional.of(new Entry<>(row.seq(), row.value()));
    }

    /**
     * The entries placed after {@code seq} in insertion order (all of them for {@code -1}): where a
     * keyset page in creation order continues. The caller holds the lock that keeps writers out
     * while it iterates.
     */
    Iterable<Entry<V>> after(long seq) {
        return () -> new java.util.Iterator<>() {
            private final java.util.Iterator<Map.Entry<Long, K>> keys = order.tailMap(seq, false).entrySet().iterator();

            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Entry<V> next() {
                Map.Entry<Long, K> e = keys.next();
                return new Entry<>(e.getKey(), rows.get(e.getValue()).value());
            }
        };
    }

    /** The values in insertion order, as a list. */
    synchronized List<V> valueList() {
        List<V> out = new ArrayList<>(rows.size());
        values().forEach(out::add);
        return out;
    }

    /** The values of those of {@code keys} that are present, in insertion order. */
    synchronized List<V> valuesOf(java.util.Collection<K> keys) {
        TreeMap<Long, V> picked = new TreeMap<>();
        for (K key : keys) {
            Row<V> row = rows.get(key);
            if (row != null) {
                picked.put(row.seq(), row.value());
            }
        }
        return new ArrayList<>(picked.values());
    }
}
