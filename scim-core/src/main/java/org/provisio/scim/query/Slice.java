package org.provisio.scim.query;

import java.util.List;

/**
 * One page of a query's results and how many results there are in all: {@code items} becomes the
 * {@code Resources} of a ListResponse and {@code total} its {@code totalResults} (RFC 7644 §3.4.2).
 *
 * @param items the results on this page, in order; copied, never {@code null}
 * @param total how many results the query has, on every page
 * @param <T>   the type of a result
 */
public record Slice<T>(List<T> items, long total) {
    public Slice {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + items.size() + " items");
        }
    }
}
