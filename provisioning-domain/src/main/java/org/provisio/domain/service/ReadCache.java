package org.provisio.domain.service;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.provisio.domain.port.UnitOfWork;
import org.provisio.domain.usecase.KeptReads;

/**
 * Answers of reads kept while the store has committed nothing since they were read, for a store
 * that {@linkplain UnitOfWork#changeCount() counts its committed changes} (embedded H2): a GET of a
 * user read a moment ago costs a map lookup, not a query. An answer is stamped with the count read
 * <em>before</em> the read ran and is served only while the count still has that value; the count
 * moves after each committed write is visible, so a write that the read might have missed has moved
 * it, and any committed write anywhere retires every answer. Nothing is kept for a store without a
 * count (PostgreSQL, the in-memory store) or inside a unit of work (whose reads see its own
 * uncommitted writes). Bounded: at {@link #capacity} answers, the retired ones are dropped, and if
 * none are, an eighth of the rest.
 */
final class ReadCache implements KeptReads {
    private record Entry(long count, Object answer) {
    }

    /** The store's unit of work, asked for on each read: a store may open after the domain is built. */
    private final Supplier<UnitOfWork> unitOfWork;
    private final int capacity;
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ReadCache(Supplier<UnitOfWork> unitOfWork, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.unitOfWork = unitOfWork;
        this.capacity = capacity;
    }

    /**
     * The answer of {@code read} for {@code key}: kept from an earlier call while the store has
     * committed nothing since, else read now. {@code key} must name everything the answer depends on
     * (a record of the query's parts); {@code read} must run its own read-only unit of work and return
     * an immutable answer.
     */
    <T> T get(Object key, Supplier<T> read) {
        return get(key, read, answer -> true);
    }

    /** {@link #get(Object, Supplier)} keeping only answers that pass {@code worthKeeping}. */
    <T> T get(Object key, Supplier<T> read, Predicate<? super T> worthKeeping) {
        UnitOfWork unit = unitOfWork.get();
        if (unit.isActive()) {
            return read.get();
        }
        OptionalLong before = unit.changeCount();
        if (before.isEmpty()) {
            return read.get();
        }
        long count = before.getAsLong();
        Entry kept = entries.get(key);
        if (kept != null && kept.count() == count) {
            hits.increment();
            @SuppressWarnings("unchecked")
            T answer = (T) kept.answer();
            return answer;
        }
        misses.increment();
        T answer = read.get();
        if (!worthKeeping.test(answer)) {
            return answer;
        }
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> e.count() != count);
            if (entries.size() >= capacity) {
                shed();
            }
        }
        entries.put(key, new Entry(count, answer));
        return answer;
    }

    /**
     * Drops an eighth of the answers, whichever the map's order (its hash order) gives first: a
     * working set larger than the capacity keeps most of what it holds, rather than all of it going
     * at once and the hits with it.
     */
    private void shed() {
        int drop = Math.max(1, capacity / 8);
        var it = entries.keySet().iterator();
        while (drop-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), entries.size(), capacity);
    }

    /** Whether an answer, current or retired, is kept under {@code key}. */
    boolean holds(Object key) {
        return entries.containsKey(key);
    }

    /** How many answers are kept, current or retired. */
    int size() {
        return entries.size();
    }
}
