package org.provisio.domain.model;

import java.util.function.Function;

/**
 * Which slice of a result to return, as SCIM pages (RFC 7644 §3.4.2.4): the 1-based
 * {@code startIndex} and at most {@code count} items.
 */
public record PageRequest(int startIndex, int count) implements Paging {
    /** The most any page returns. */
    public static final int MAX_COUNT = 1000;

    public PageRequest {
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex must be at least 1");
        }
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 0 and " + MAX_COUNT);
        }
    }

    public static PageRequest of(int startIndex, int count) {
        return new PageRequest(startIndex, count);
    }

    /** The first {@code count} items. */
    public static PageRequest first(int count) {
        return new PageRequest(1, count);
    }

    @Override
    public <R> R fold(Function<? super PageRequest, ? extends R> byIndex,
                      Function<? super KeysetRequest, ? extends R> byKeyset) {
        return byIndex.apply(this);
    }

    /** The 0-based offset of the first item. */
    public int offset() {
        return startIndex - 1;
    }
}
