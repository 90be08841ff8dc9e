package org.provisio.domain.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a tenant's client-deviation report: how often Provisio tolerated, or refused, one kind of
 * departure from RFC 7643/7644 in the tenant's SCIM requests, when it was first and last seen, and one
 * redacted example request line, e.g.
 * {@code boolean-as-string, TOLERATED, 42, 2026-01-05T..., 2026-03-01T..., "PATCH /scim/v2/{tenantId}/Users/{id} (active)"}.
 *
 * <p>The kind is a stable key of {@code org.provisio.scim.conformance.DeviationKind} ({@code boolean-as-string},
 * {@code invalidFilter}, ...). The example names a method, a path with every id replaced by a placeholder and
 * the attribute concerned as the schema spells it: never a value, a filter literal or an id, so that a report
 * holds no personal data.
 *
 * @param tenantId  the tenant whose requests deviated
 * @param kind      the kind of deviation
 * @param outcome   whether the requests were served (a tolerance applied) or refused
 * @param count     how many requests, at least 1
 * @param firstSeen the first time
 * @param lastSeen  the last time, not before {@code firstSeen}
 * @param example   a redacted request line, at most {@link #MAX_EXAMPLE} characters
 */
public record Deviation(TenantId tenantId, String kind, Outcome outcome, long count, Instant firstSeen,
                        Instant lastSeen, String example) {
    /** The longest example kept. */
    public static final int MAX_EXAMPLE = 256;
    /** The longest kind key. */
    public static final int MAX_KIND = 64;

    public Deviation {
        Objects.requireNonNull(tenantId, "tenantId");
        Checks.notBlank(kind, "kind");
        if (kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("kind must be at most " + MAX_KIND + " characters");
        }
        Objects.requireNonNull(outcome, "outcome");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("lastSeen is before firstSeen");
        }
        Objects.requireNonNull(example, "example");
        if (example.length() > MAX_EXAMPLE) {
            example = example.substring(0, MAX_EXAMPLE);
        }
    }

    /** What became of the requests: served with a tolerance, or refused. */
    public enum Outcome {
        TOLERATED, REFUSED;

        /** {@code tolerated} or {@code refused}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome of a keyword in any case. */
        public static Optional<Outcome> fromKeyword(String keyword) {
            for (Outcome o : values()) {
                if (o.name().equalsIgnoreCase(keyword)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** This line with {@code other}'s counts added: the sum, the earlier first and later last time, one example. */
    public Deviation plus(Deviation other) {
        if (!tenantId.equals(other.tenantId) || !kind.equals(other.kind) || outcome != other.outcome) {
            throw new IllegalArgumentException("not the same line of the report");
        }
        return new Deviation(tenantId, kind, outcome, count + other.count,
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen, example);
    }
}
