package org.provisio.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly a tenant's SCIM requests are held to RFC 7643/7644. {@link #LENIENT} (the default)
 * tolerates what real identity providers send — {@code "active": "False"}, {@code "op": "Replace"},
 * a PATCH value map with dotted keys — and {@link #STRICT} refuses each such tolerance with the
 * RFC's error type, for people who test a SCIM client against Provisio. Either way, every tolerance
 * applied and every request refused is counted in the tenant's deviation report.
 */
public enum ConformanceProfile {
    LENIENT, STRICT;

    /** The lower-case name used in the admin API: {@code lenient}, {@code strict}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile of a keyword in any case. */
    public static Optional<ConformanceProfile> fromKeyword(String keyword) {
        for (ConformanceProfile p : values()) {
            if (p.name().equalsIgnoreCase(keyword)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
