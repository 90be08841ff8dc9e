package org.provisio.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a suspended (soft-deleted) user is kept and can be restored before it is purged for good. Default {@code P30D}.
 */
public record Retention(Duration period) {
    /** The default, {@code P30D}. */
    public static final Retention DEFAULT = new Retention(Duration.parse("P30D"));

    public Retention {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("Retention must be positive");
        }
    }

    public static Retention of(Duration period) {
        return new Retention(period);
    }

    /** Parses an ISO-8601 duration such as {@code P30D}. */
    public static Retention parse(String text) {
        return new Retention(Duration.parse(text));
    }

    /** The instant a user suspended at {@code suspendedAt} is due for purge. */
    public Instant purgeAt(Instant suspendedAt) {
        return suspendedAt.plus(period);
    }
}
