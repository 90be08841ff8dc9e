package org.provisio.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an invitation link stays valid after it was issued. Default {@code P7D}.
 */
public record InvitationTtl(Duration period) {
    /** The default, {@code P7D}. */
    public static final InvitationTtl DEFAULT = new InvitationTtl(Duration.parse("P7D"));

    public InvitationTtl {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("InvitationTtl must be positive");
        }
    }

    public static InvitationTtl of(Duration period) {
        return new InvitationTtl(period);
    }

    /** Parses an ISO-8601 duration such as {@code P7D}. */
    public static InvitationTtl parse(String text) {
        return new InvitationTtl(Duration.parse(text));
    }

    /** The instant an invitation issued at {@code issuedAt} expires. */
    public Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(period);
    }
}
