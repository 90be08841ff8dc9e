package org.provisio.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A slice of a result: its items, the 1-based index of the first one and the total number of results. */
public record Page<T>(List<T> items, int startIndex, long totalResults) {
    public Page {
        items = List.copyOf(items);
        if (startIndex < 1 || totalResults < 0) {
            throw new IllegalArgumentException("startIndex >= 1 and totalResults >= 0");
        }
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
        return new Page<>(out, startIndex, totalResults);
    }
}
