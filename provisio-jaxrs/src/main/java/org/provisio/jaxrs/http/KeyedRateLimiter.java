package org.provisio.jaxrs.http;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key, kept as the generic cell rate algorithm: each key holds one
 * {@link AtomicLong}, its <em>theoretical arrival time</em> in nanoseconds, and a request is admitted
 * while that time lies no more than {@code burst} intervals ahead of now. Admitting is one
 * compare-and-set, without a lock and, once a key is known, without allocating; keys never wait on
 * each other.
 *
 * <p>Memory is bounded: an entry whose arrival time has passed is a full bucket, the same as no
 * entry, so when {@code maxKeys} are held they are swept out (at most once a second). Should all of
 * them still be in use, further keys share one overflow bucket, which errs on the side of limiting.
 */
final class KeyedRateLimiter<K> {
    private static final long SWEEP_EVERY = TimeUnit.SECONDS.toNanos(1);

    private final ConcurrentHashMap<K, AtomicLong> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong overflow;
    private final AtomicLong nextSweep;
    private final long interval;
    private final long tolerance;
    private final int maxKeys;
    private final LongSupplier nanoTime;

    /**
     * @param interval nanoseconds between two admissions at the sustained rate
     * @param burst    how many may be admitted at once (at least 1)
     * @param maxKeys  how many keys are tracked one by one
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    KeyedRateLimiter(long interval, int burst, int maxKeys, LongSupplier nanoTime) {
        if (interval < 1 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("interval, burst and maxKeys must be positive");
        }
        this.interval = interval;
        this.tolerance = Math.multiplyExact(interval, (long) burst);
        this.maxKeys = maxKeys;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        long now = nanoTime.getAsLong();
        this.overflow = new AtomicLong(now);
        this.nextSweep = new AtomicLong(now);
    }

    /** The interval of {@code perSecond} admissions a second, in nanoseconds (at least 1). */
    static long intervalOf(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number");
        }
        return Math.max(1, Math.round(1_000_000_000d / perSecond));
    }

    /** Admits one request of {@code key}: {@code 0} if admitted, else the nanoseconds until one would be. */
    long acquire(K key) {
        long now = nanoTime.getAsLong();
        AtomicLong arrival = cell(key, now);
        while (true) {
            long tat = arrival.get();
            long next = (tat - now > 0 ? tat : now) + interval;
            long excess = next - now - tolerance;
            if (excess > 0) {
                return excess;
            }
            if (arrival.compareAndSet(tat, next)) {
                return 0;
            }
        }
    }

    /** The nanoseconds until {@code key} may use one more admission, without using it; {@code 0} if it may now. */
    long waitFor(K key) {
        AtomicLong arrival = arrivals.get(key);
        if (arrival == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long tat = arrival.get();
        long excess = (tat - now > 0 ? tat : now) + interval - now - tolerance;
        return Math.max(0, excess);
    }

    /** Uses one admission of {@code key} whether or not it had one left: it happened. */
    void charge(K key) {
        long now = nanoTime.getAsLong();
        AtomicLong arrival = cell(key, now);
        arrival.getAndUpdate(tat -> (tat - now > 0 ? tat : now) + interval);
    }

    /** How many keys are tracked one by one. */
    int size() {
        return arrivals.size();
    }

    private AtomicLong cell(K key, long now) {
        AtomicLong arrival = arrivals.get(key);
        if (arrival != null) {
            return arrival;
        }
        if (arrivals.size() >= maxKeys) {
            sweep(now);
            if (arrivals.size() >= maxKeys) {
                return overflow;
            }
        }
        return arrivals.computeIfAbsent(key, k -> new AtomicLong(now));
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_EVERY)) {
            arrivals.values().removeIf(arrival -> arrival.get() - now <= 0);
        }
    }
}
