package org.provisio.adapters.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map that remembers insertion order across updates and journals every write with the
 * {@link Guard}, so that a rollback restores it exactly. Callers hold the guard's lock.
 */
final class Table<K, V> {
    private record Row<V>(long seq, V value) {
    }

    private final Guard guard;
    private final Map<K, Row<V>> rows = new HashMap<>();
    private long nextSeq;

    Table(Guard guard) {
        this.guard = guard;
    }

    Optional<V> get(K key) {
        Row<V> row = rows.get(key);
        return row == null ? Optional.empty() : Optional.of(row.value());
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    /** Inserts or replaces; a replaced value keeps its place in the order. */
    void put(K key, V value) {
        Row<V> previous = rows.get(key);
        rows.put(key, new Row<>(previous == null ? nextSeq++ : previous.seq(), value));
        guard.onRollback(() -> {
            if (previous == null) {
                rows.remove(key);
            } else {
                rows.put(key, previous);
            }
        });
    }

    boolean remove(K key) {
        Row<V> previous = rows.remove(key);
        if (previous == null) {
            return false;
        }
        guard.onRollback(() -> rows.put(key, previous));
        return true;
    }

    /** The values in insertion order. */
    List<V> values() {
        return rows.values().stream().sorted(Comparator.comparingLong(Row::seq)).map(Row::value).toList();
    }

    /** The values of those of {@code keys} that are present, in insertion order. */
    List<V> valuesOf(java.util.Collection<K> keys) {
        return keys.stream().map(rows::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingLong(Row::seq)).map(Row::value).toList();
    }
}
