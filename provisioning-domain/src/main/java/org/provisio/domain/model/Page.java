package org.provisio.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A slice of a result: its items, the 1-based index of the first one and the total number of
 * results — and, for a page of keyset paging ({@link KeysetRequest}), the key after which the next
 * page starts, present unless this is the last page. A keyset page counts from its key: its
 * {@code startIndex} is 1.
 */
public record Page<T>(List<T> items, int startIndex, long totalResults, Optional<PageKey> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        if (startIndex < 1 || totalResults < 0) {
            throw new IllegalArgumentException("startIndex >= 1 and totalResults >= 0");
        }
    }

    /** A page of index paging. */
    public Page(List<T> items, int startIndex, long totalResults) {
        this(items, startIndex, totalResults, Optional.empty());
    }

    /** A page of keyset paging: {@code next} is the key of its last item, absent on the last page. */
    public static <T> Page<T> keyset(List<T> items, long totalResults, Optional<PageKey> next) {
        return new Page<>(items, 1, totalResults, next);
    }

    /** The slice {@code request} of the whole ordered result {@code all}. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.count(), all.size());
        return new Page<>(all.subList(from, to), request.startIndex(), all.size());
    }

    /** The same page with every item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        List<R> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(mapper.apply(i)));
        return new Page<>(out, startIndex, totalResults, next);
    }
}
