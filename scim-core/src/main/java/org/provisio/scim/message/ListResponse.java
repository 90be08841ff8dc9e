package org.provisio.scim.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.Value;

/**
 * A query result (RFC 7644 §3.4.2): {@code totalResults}, {@code itemsPerPage} and the page's
 * {@code Resources}, and where the page is: the 1-based {@code startIndex} of an index page, or
 * for a page of cursor paging (RFC 9865 §2) no {@code startIndex} and a {@code nextCursor}
 * unless it is the last page.
 *
 * <pre>{@code
 * ListResponse.cursorPage(100, resources, Optional.of("VZUTiyhEQJ94IR")).toJson()
 * // {"schemas":[...ListResponse],"totalResults":100,"itemsPerPage":10,"nextCursor":"VZUTiyhEQJ94IR","Resources":[...]}
 * }</pre>
 *
 * @param startIndex the 1-based index of the first resource of an index page; 0 for a cursor page,
 *                   which has none
 * @param nextCursor the cursor of the next page of a cursor page that is not the last
 */
public record ListResponse(long totalResults, int startIndex, List<ComplexValue> resources,
                           Optional<String> nextCursor) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public ListResponse {
        resources = List.copyOf(resources);
        Objects.requireNonNull(nextCursor, "nextCursor");
        if (startIndex < 0 || startIndex > 0 && nextCursor.isPresent()) {
            throw new IllegalArgumentException("an index page has a startIndex of at least 1 and no nextCursor");
        }
    }

    /** An index page (RFC 7644 §3.4.2.4). */
    public ListResponse(long totalResults, int startIndex, List<ComplexValue> resources) {
        this(totalResults, requirePositive(startIndex), resources, Optional.empty());
    }

    /** A page of cursor paging (RFC 9865 §2): no {@code startIndex}, a {@code nextCursor} unless it is the last. */
    public static ListResponse cursorPage(long totalResults, List<ComplexValue> resources, Optional<String> nextCursor) {
        return new ListResponse(totalResults, 0, resources, nextCursor);
    }

    private static int requirePositive(int startIndex) {
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex must be at least 1");
        }
        return startIndex;
    }

    public int itemsPerPage() {
        return resources.size();
    }

    /** The message as JSON-ready value; {@code Resources} is always present, empty when nothing matched. */
    public ComplexValue toJson() {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA)))
                .put("totalResults", IntegerValue.of(totalResults));
        if (startIndex > 0) {
            b.put("startIndex", IntegerValue.of(startIndex));
        }
        b.put("itemsPerPage", IntegerValue.of(itemsPerPage()));
        nextCursor.ifPresent(next -> b.put("nextCursor", next));
        return b.put("Resources", new MultiValue(List.<Value>copyOf(resources))).build();
    }
}
