package org.provisio.scim.query;

import java.util.Objects;
import org.provisio.scim.path.AttributePath;

/**
 * What to sort by (RFC 7644 §3.4.2.3): an attribute path and an order, as in
 * {@code sortBy=name.familyName&sortOrder=descending}. See {@link Sorting} for how values compare.
 *
 * @param by    the attribute to sort by
 * @param order ascending or descending
 */
public record SortBy(AttributePath by, SortOrder order) {
    public SortBy {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(order, "order");
    }

    /** Sorting by {@code by}, ascending. */
    public static SortBy ascending(AttributePath by) {
        return new SortBy(by, SortOrder.ASCENDING);
    }

    /** Sorting by {@code by}, descending. */
    public static SortBy descending(AttributePath by) {
        return new SortBy(by, SortOrder.DESCENDING);
    }
}
