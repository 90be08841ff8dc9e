package org.provisio.scim.query;

import java.util.Optional;

/** RFC 7644 §3.4.2.3 {@code sortOrder}; ascending when absent. */
public enum SortOrder {
    ASCENDING, DESCENDING;

    /** The order named {@code ascending} or {@code descending}, in any case. */
    public static Optional<SortOrder> fromName(String text) {
        for (SortOrder o : values()) {
            if (o.name().equalsIgnoreCase(text)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
