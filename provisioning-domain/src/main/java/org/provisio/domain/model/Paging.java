package org.provisio.domain.model;

import java.util.function.Function;

/**
 * How a query's results are paged: by index ({@link PageRequest}, RFC 7644 §3.4.2.4
 * {@code startIndex}) or by keyset ({@link KeysetRequest}, what an RFC 9865 {@code cursor} stands
 * for: the results after a {@link PageKey}). Either way at most {@link #count()} results.
 */
public sealed interface Paging permits PageRequest, KeysetRequest {
    /** The most results on the page. */
    int count();

    /** The result of {@code byIndex} or of {@code byKeyset}, whichever this paging is: both cases, checked by the compiler. */
    <R> R fold(Function<? super PageRequest, ? extends R> byIndex, Function<? super KeysetRequest, ? extends R> byKeyset);
}
