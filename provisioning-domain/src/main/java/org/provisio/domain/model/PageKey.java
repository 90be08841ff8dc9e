package org.provisio.domain.model;

import java.util.ArrayList;
import java.util.List;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.query.SortPosition;

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

    private static final String SEQUENCE = "seq";
    private static final String POSITION = "sort";

    /** The key of a page in creation order: the store's sequence number of its last item, {@code ["seq", "42"]}. */
    public static PageKey ofSequence(long sequence) {
        return of(SEQUENCE, Long.toString(sequence));
    }

    /** The sequence number of {@link #ofSequence}; any other key is {@code invalidCursor}. */
    public long sequence() {
        if (parts.size() != 2 || !parts.get(0).equals(SEQUENCE)) {
            throw notThisOrder();
        }
        try {
            return Long.parseLong(parts.get(1));
        } catch (NumberFormatException e) {
            throw notThisOrder();
        }
    }

    /** The key of a page sorted in memory: its last item's {@link SortPosition}, {@code ["sort", …]}. */
    public static PageKey ofPosition(SortPosition position) {
        List<String> out = new ArrayList<>();
        out.add(POSITION);
        out.addAll(position.encode());
        return new PageKey(out);
    }

    /** The position of {@link #ofPosition}; any other key is {@code invalidCursor}. */
    public SortPosition position() {
        if (parts.isEmpty() || !parts.get(0).equals(POSITION)) {
            throw notThisOrder();
        }
        return SortPosition.decode(parts.subList(1, parts.size())).orElseThrow(PageKey::notThisOrder);
    }

    private static ScimException notThisOrder() {
        return ScimException.invalidCursor("The cursor does not belong to this query's order");
    }
}
