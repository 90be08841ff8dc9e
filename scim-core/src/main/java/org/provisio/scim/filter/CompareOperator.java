package org.provisio.scim.filter;

import java.util.Locale;
import java.util.Optional;

/** The attribute operators of RFC 7644 §3.4.2.2 that take a value ({@code pr} is {@link Filter.Present}). */
public enum CompareOperator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    /** The keyword as written in a filter, lower case. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator for a keyword in any case. */
    public static Optional<CompareOperator> fromKeyword(String keyword) {
        for (CompareOperator op : values()) {
            if (op.name().equalsIgnoreCase(keyword)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
