package org.provisio.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that stands still until a test moves it; thread-safe. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    private MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public MutableClock advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
        return this;
    }

    /** Sets the clock to {@code instant}. */
    public MutableClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a MutableClock is UTC only");
        }
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
