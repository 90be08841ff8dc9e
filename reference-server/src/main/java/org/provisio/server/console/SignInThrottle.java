package org.provisio.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slows down guessing at the sign-in form, per client address: the first {@value #FREE_FAILURES}
 * failures cost nothing; each one after them shuts the address out for twice as long as the one
 * before (1 s, 2 s, 4 s... up to {@link #MAX_WAIT}), and an attempt while shut out is refused
 * without looking at the token. A success, or {@link #FORGET_AFTER} without a failure, clears the
 * address. Nothing sleeps: a refused attempt is answered at once, so that slowing guessers down
 * never ties up the server's workers.
 *
 * <p>The address is the TCP peer's, an IPv6 one counted by its {@code /64} as the API counts failed
 * authentications: behind a reverse proxy every client shares the proxy's, so one guesser slows everybody
 * down — which errs on the safe side. At most {@value #MAX_ADDRESSES} addresses are remembered; beyond,
 * newcomers share one record.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MAX_ADDRESSES = 100_000;
    /** Where failures are counted while every one of the {@link #MAX_ADDRESSES} places is taken. */
    private static final String OVERFLOW = "overflow";

    private record Record(int failures, Instant lastFailureAt, Instant blockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Record> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    SignInThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long {@code address} must still wait before it may try again; empty when it may try now. */
    Optional<Duration> wait(String address) {
        Record r = byAddress.get(address);
        if (r == null && byAddress.size() >= MAX_ADDRESSES) {
            r = byAddress.get(OVERFLOW);
        }
        Instant now = clock.instant();
        if (r == null || !now.isBefore(r.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, r.blockedUntil()));
    }

    /** Counts a failed sign-in of {@code address}. */
    void failed(String address) {
        Instant now = clock.instant();
        String key = address;
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            // full: forget what has expired, at most once a second (a sweep reads every entry); if it stays
            // full, the newcomers share one record, so the map stays bounded and they stay slowed down
            long millis = now.toEpochMilli();
            long last = lastSweep.get();
            if (millis - last >= 1_000 && lastSweep.compareAndSet(last, millis)) {
                byAddress.values().removeIf(r -> forgotten(r, now));
            }
            if (byAddress.size() >= MAX_ADDRESSES) {
                key = OVERFLOW;
            }
        }
        byAddress.compute(key, (a, r) -> {
            int failures = r == null || forgotten(r, now) ? 1 : r.failures() + 1;
            Instant blockedUntil = failures <= FREE_FAILURES ? now : now.plus(delay(failures - FREE_FAILURES));
            return new Record(failures, now, blockedUntil);
        });
    }

    /** A successful sign-in of {@code address}: its failures are forgotten. */
    void succeeded(String address) {
        byAddress.remove(address);
    }

    private static Duration delay(int excess) {
        Duration d = Duration.ofSeconds(1L << Math.min(excess - 1, 20));
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private static boolean forgotten(Record r, Instant now) {
        return !now.isBefore(r.lastFailureAt().plus(FORGET_AFTER)) && !now.isBefore(r.blockedUntil());
    }
}
