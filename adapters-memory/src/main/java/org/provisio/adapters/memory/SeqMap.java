package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A map that keeps insertion order across updates, iterated in that order without sorting, and
 * journals every write with the {@link Guard}, so that a rollback restores it exactly (a removed
 * entry comes back in its place). Its methods, and the undo actions it journals, hold its monitor,
 * so that a rollback on one thread never races a read of a table shared by all tenants.
 *
 * <p>The order is two parallel arrays, sequence numbers ascending and their keys, with a removed
 * entry's key cleared until a compaction drops it: 12 bytes an entry, where a {@code TreeMap} of
 * boxed sequence numbers took 64 (the in-memory store holds everything in the heap).
 */
final class SeqMap<K, V> {
    private record Row<V>(long seq, V value) {
    }

    private final Guard guard;
    private final Map<K, Row<V>> rows = new HashMap<>();
    private long[] seqs = new long[8];
    private Object[] keys = new Object[8];
    /** Used slots of {@link #seqs} and {@link #keys}, cleared ones included. */
    private int slots;
    private int cleared;
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
            append(seq, key);
        }
        guard.onRollback(() -> {
            synchronized (this) {
                if (previous == null) {
                    rows.remove(key);
                    clear(seq);
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
        clear(previous.seq());
        guard.onRollback(() -> {
            synchronized (this) {
                rows.put(key, previous);
                restore(previous.seq(), key);
            }
        });
        return true;
    }

    private void append(long seq, K key) {
        if (slots == seqs.length) {
            if (cleared > slots / 2) {
                compact();
            } else {
                grow();
            }
        }
        seqs[slots] = seq;
        keys[slots] = key;
        slots++;
    }

    private void clear(long seq) {
        int at = Arrays.binarySearch(seqs, 0, slots, seq);
        if (at >= 0 && keys[at] != null) {
            keys[at] = null;
            cleared++;
        }
    }

    /** Puts a removed key back at its sequence number, in its slot or, if compacted away, a new one there. */
    private void restore(long seq, K key) {
        int at = Arrays.binarySearch(seqs, 0, slots, seq);
        if (at >= 0) {
            keys[at] = key;
            cleared--;
            return;
        }
        int insert = -at - 1;
        if (slots == seqs.length) {
            grow();
        }
        System.arraycopy(seqs, insert, seqs, insert + 1, slots - insert);
        System.arraycopy(keys, insert, keys, insert + 1, slots - insert);
        seqs[insert] = seq;
        keys[insert] = key;
        slots++;
    }

    private void grow() {
        seqs = Arrays.copyOf(seqs, slots * 2);
        keys = Arrays.copyOf(keys, slots * 2);
    }

    /** Drops the cleared slots, in place, keeping the order. */
    private void compact() {
        int kept = 0;
        for (int i = 0; i < slots; i++) {
            if (keys[i] != null) {
                seqs[kept] = seqs[i];
                keys[kept] = keys[i];
                kept++;
            }
        }
        Arrays.fill(keys, kept, slots, null);
        slots = kept;
        cleared = 0;
    }

    /** The keys in insertion order from slot {@code from}, skipping cleared ones, with their sequence numbers. */
    private <T> Iterator<T> walk(int from, ObjLongFunction<K, T> out) {
        return new Iterator<>() {
            private int next = skip(from);

            private int skip(int i) {
                while (i < slots && keys[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < slots;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (next >= slots) {
                    throw new NoSuchElementException();
                }
                int i = next;
                next = skip(i + 1);
                return out.apply((K) keys[i], seqs[i]);
            }
        };
    }

    private interface ObjLongFunction<K, T> {
        T apply(K key, long seq);
    }

    /** The values in insertion order; the caller holds the lock that keeps writers out while it iterates. */
    Iterable<V> values() {
        return () -> walk(0, (key, seq) -> rows.get(key).value());
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
        return () -> {
            int at = Arrays.binarySearch(seqs, 0, slots, seq);
            return walk(at >= 0 ? at + 1 : -at - 1, (key, s) -> new Entry<>(s, rows.get(key).value()));
        };
    }

    /** The values in insertion order, as a list. */
    synchronized List<V> valueList() {
        List<V> out = new ArrayList<>(rows.size());
        values().forEach(out::add);
        return out;
    }

    /** The values of those of {@code wanted} that are present, in insertion order. */
    synchronized List<V> valuesOf(java.util.Collection<K> wanted) {
        TreeMap<Long, V> picked = new TreeMap<>();
        for (K key : wanted) {
            Row<V> row = rows.get(key);
            if (row != null) {
                picked.put(row.seq(), row.value());
            }
        }
        return new ArrayList<>(picked.values());
    }
}
