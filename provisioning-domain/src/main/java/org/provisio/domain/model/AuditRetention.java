package org.provisio.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long audit entries are kept: long enough to answer for what was done (who provisioned,
 * suspended or deleted whom, and when) across a yearly review, and no longer. Default {@code P400D}.
 */
public record AuditRetention(Duration period) {
    /** The default, {@code P400D}: a year and a review period. */
    public static final AuditRetention DEFAULT = new AuditRetention(Duration.ofDays(400));

    public AuditRetention {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the audit retention must be positive");
        }
    }

    /** Parses an ISO-8601 duration such as {@code P400D}. */
    public static AuditRetention parse(String text) {
        return new AuditRetention(Duration.parse(text));
    }

    /** Entries made before this instant are due for removal at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.minus(period);
    }
}
