package org.provisio.adapters.jdbc;

import java.time.Instant;
import java.util.Optional;

/**
 * Instants as BIGINT nanoseconds since the epoch: exact, ordered, the same on every database.
 * Instants beyond what a long holds (before 1677 or after 2262) saturate.
 */
final class JdbcTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private JdbcTime() {
    }

    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** A nullable column value. */
    static Long nanos(Optional<Instant> instant) {
        return instant.map(JdbcTime::nanos).orElse(null);
    }
}
