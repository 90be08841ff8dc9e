package org.provisio.domain.model;

import java.util.List;

/**
 * Where a keyset page ends (RFC 9865 cursor paging): the sort key of its last item as the store
 * that wrote it reads it back — e.g. {@code ["seq", "1000042"]} for creation order, or the folded
 * {@code userName} and the id — opaque to everyone else. {@link #START} is the position before
 * the first item. The HTTP edge carries it to the client only sealed in a cursor, so a client
 * can neither read nor forge one.
 *
 * @param parts the store's text, in its own order; empty for {@link #START}
 */
public record PageKey(List<String> parts) {
    /** Before the first item: the first page. */
    public static final PageKey START = new PageKey(List.of());

    public PageKey {
        parts = List.copyOf(parts);
    }

    public static PageKey of(String... parts) {
        return new PageKey(List.of(parts));
    }

    /** Whether this is {@link #START}. */
    public boolean isStart() {
        return parts.isEmpty();
    }
}
