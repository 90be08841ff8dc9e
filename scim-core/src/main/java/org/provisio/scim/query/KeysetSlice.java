package org.provisio.scim.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a sorted query read after a {@link SortPosition} ({@link ResourceQuery#keyset}): the
 * results, the position of the last of them — where the next page starts — whether more results
 * follow, and how many results the query has in all.
 *
 * @param items the results on this page, in order
 * @param last  the position of the last item; empty when the page is empty
 * @param more  whether results follow the last item (or, on an empty page, the position read after)
 * @param total how many results the query has, before and after the position
 * @param <T>   the type of a result
 */
public record KeysetSlice<T>(List<T> items, Optional<SortPosition> last, boolean more, long total) {
    public KeysetSlice {
        items = List.copyOf(items);
        Objects.requireNonNull(last, "last");
        if (last.isPresent() == items.isEmpty()) {
            throw new IllegalArgumentException("the last position is that of the last item");
        }
        if (total < items.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + items.size() + " items");
        }
    }
}
