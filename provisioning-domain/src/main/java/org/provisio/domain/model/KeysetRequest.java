package org.provisio.domain.model;

import java.util.Objects;
import java.util.function.Function;
import java.util.OptionalLong;

/**
 * A page of keyset paging (RFC 9865 cursors): at most {@code count} results that come after
 * {@code after} in the query's order, read through an index from that key on, so that the
 * millionth result costs what the first does, and a result that is there throughout — with the
 * same sort key — is on exactly one page however others come and go meanwhile.
 *
 * <p>{@code totalResults} costs a count of every match; it is counted for the first page only
 * (empty {@code knownTotal}) and carried by the cursor from there, so later pages report the
 * total as it was when paging began: an estimate, as RFC 9865 §2 allows.
 *
 * @param after      the key the page starts after; {@link PageKey#START} for the first page
 * @param count      the most results, {@code 0..}{@value PageRequest#MAX_COUNT}
 * @param knownTotal the total an earlier page reported, returned again instead of counting
 */
public record KeysetRequest(PageKey after, int count, OptionalLong knownTotal) implements Paging {
    public KeysetRequest {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(knownTotal, "knownTotal");
        if (count < 0 || count > PageRequest.MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 0 and " + PageRequest.MAX_COUNT);
        }
        if (knownTotal.isPresent() && knownTotal.getAsLong() < 0) {
            throw new IllegalArgumentException("knownTotal must not be negative");
        }
    }

    @Override
    public <R> R fold(Function<? super PageRequest, ? extends R> byIndex,
                      Function<? super KeysetRequest, ? extends R> byKeyset) {
        return byKeyset.apply(this);
    }

    /** The first page of {@code count} results; its total is counted. */
    public static KeysetRequest first(int count) {
        return new KeysetRequest(PageKey.START, count, OptionalLong.empty());
    }

    /** The {@code count} results after {@code after}, whose query has {@code total} results as far as is known. */
    public static KeysetRequest after(PageKey after, int count, long total) {
        return new KeysetRequest(after, count, OptionalLong.of(total));
    }
}
