package org.provisio.scim.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * The parameters of a query (RFC 7644 §3.4.2) or of a {@code POST .search} (§3.4.3):
 * {@code filter}, {@code attributes}/{@code excludedAttributes}, {@code sortBy}/{@code sortOrder},
 * {@code startIndex} and {@code count}, or instead of {@code startIndex} a {@code cursor}
 * (RFC 9865 §2: {@code ?cursor} or {@code "cursor": ""} asks for the first page of cursor paging,
 * {@code cursor=<nextCursor>} for the next one).
 *
 * <p>A {@code startIndex} below 1 is taken as 1 and a negative {@code count} as 0 (RFC 7644
 * §3.4.2.4, RFC 9865 §2); a {@code count} above the service's maximum is lowered to it; a value that is not
 * an integer is {@code invalidValue}. A request names one paging method (RFC 9865 §2.4): {@code cursor}
 * with {@code startIndex} is {@code invalidValue}.
 *
 * @param filter     the filter, or {@code null} for every resource
 * @param projection the attributes to return
 * @param sortBy     the sort attribute, or {@code null} for the store's natural order
 * @param sortOrder  ascending unless asked otherwise
 * @param startIndex 1-based index of the first result
 * @param count      the most results on this page
 * @param cursor     {@code null} for index paging, else the cursor as sent: empty for the first page
 */
public record SearchRequest(Filter filter, Projection projection, AttributePath sortBy, SortOrder sortOrder,
                            int startIndex, int count, String cursor) {
    public static final String SEARCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    /** The members of a SearchRequest that are lists of strings (RFC 7644 §3.4.3). */
    private static final Set<String> LISTS = Set.of("attributes", "excludedAttributes");
    /** The members of a SearchRequest that are integers. */
    private static final Set<String> NUMBERS = Set.of("startIndex", "count");

    public SearchRequest {
        projection = projection == null ? Projection.DEFAULT : projection;
        sortOrder = sortOrder == null ? SortOrder.ASCENDING : sortOrder;
        startIndex = Math.max(1, startIndex);
        count = Math.max(0, count);
    }

    /** An index-paged request. */
    public SearchRequest(Filter filter, Projection projection, AttributePath sortBy, SortOrder sortOrder,
                         int startIndex, int count) {
        this(filter, projection, sortBy, sortOrder, startIndex, count, null);
    }

    /** The cursor, if the request asks for cursor paging (RFC 9865); empty text for the first page. */
    public Optional<String> optionalCursor() {
        return Optional.ofNullable(cursor);
    }

    public Optional<Filter> optionalFilter() {
        return Optional.ofNullable(filter);
    }

    public Optional<AttributePath> optionalSortBy() {
        return Optional.ofNullable(sortBy);
    }

    /** Reads query parameters ({@code param} returns {@code null} for an absent one). */
    public static SearchRequest fromParameters(Function<String, String> param, int defaultCount, int maxCount) {
        return fromParameters(param, defaultCount, maxCount, Conformance.LENIENT);
    }

    /**
     * {@link #fromParameters(Function, int, int)}, asking {@code conformance} before it tolerates what the
     * filter parser tolerates or a {@code sortOrder} not in lower case.
     */
    public static SearchRequest fromParameters(Function<String, String> param, int defaultCount, int maxCount,
                                               Conformance conformance) {
        String filterText = param.apply("filter");
        String sortByText = param.apply("sortBy");
        String order = param.apply("sortOrder");
        String cursor = param.apply("cursor");
        String startIndex = param.apply("startIndex");
        if (cursor != null && startIndex != null && !startIndex.isBlank()) {
            throw ScimException.invalidValue("\"cursor\" and \"startIndex\" name two paging methods;"
                    + " send one of them (RFC 9865 §2.4)");
        }
        return new SearchRequest(
                filterText == null || filterText.isBlank() ? null : Filter.parse(filterText, conformance),
                Projection.parse(param.apply("attributes"), param.apply("excludedAttributes")),
                sortByText == null || sortByText.isBlank() ? null : AttributePath.parse(sortByText.trim()),
                parseOrder(order, conformance),
                parseInt("startIndex", startIndex, 1),
                Math.min(maxCount, parseInt("count", param.apply("count"), defaultCount)),
                cursor);
    }

    /** Reads a {@code POST .search} body. */
    public static SearchRequest fromBody(ComplexValue body, int defaultCount, int maxCount) {
        return fromBody(body, defaultCount, maxCount, Conformance.LENIENT);
    }

    /**
     * {@link #fromBody(ComplexValue, int, int)}, asking {@code conformance} also before it tolerates a body
     * without the SearchRequest schema, a number sent as a string and a single string for a list.
     */
    public static SearchRequest fromBody(ComplexValue body, int defaultCount, int maxCount, Conformance conformance) {
        boolean schema = false;
        for (Value s : body.getMulti("schemas").values()) {
            schema |= SEARCH_SCHEMA.equalsIgnoreCase(s.asText());
        }
        if (!schema) {
            conformance.tolerate(Tolerance.MESSAGE_SCHEMA_MISSING, "schemas");
        }
        return fromParameters(name -> text(body, name, conformance), defaultCount, maxCount, conformance);
    }

    private static String text(ComplexValue body, String name, Conformance conformance) {
        Value v = body.getOrNull(name);
        if (v == null) {
            return null;
        }
        if (v instanceof StringValue && LISTS.contains(name)) {
            conformance.tolerate(Tolerance.SINGULAR_FOR_ARRAY, name);
        } else if (v instanceof StringValue && NUMBERS.contains(name)) {
            conformance.tolerate(Tolerance.STRING_FOR_NUMBER, name);
        }
        if (v instanceof MultiValue m) {
            StringBuilder sb = new StringBuilder();
            for (Value item : m.values()) {
                if (item.asText() == null) {
                    throw ScimException.invalidValue("\"" + name + "\" must be a list of strings");
                }
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(item.asText());
            }
            return sb.toString();
        }
        if (v.asText() == null) {
            throw ScimException.invalidValue("\"" + name + "\" must be a string");
        }
        return v instanceof IntegerValue i ? Long.toString(i.value()) : v.asText();
    }

    private static SortOrder parseOrder(String order, Conformance conformance) {
        if (order == null || order.isBlank()) {
            return SortOrder.ASCENDING;
        }
        SortOrder parsed = SortOrder.fromName(order.trim()).orElseThrow(() -> ScimException.invalidValue(
                "\"sortOrder\" must be \"ascending\" or \"descending\""));
        if (!order.equals(parsed == SortOrder.ASCENDING ? "ascending" : "descending")) {
            conformance.tolerate(Tolerance.SORT_ORDER_CASE, "sortOrder");
        }
        return parsed;
    }

    private static int parseInt(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            long v = Long.parseLong(text.trim());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("\"" + name + "\" must be an integer");
        }
    }

    /** The attribute lists of the projection, for callers that need them. */
    public List<AttributePath> attributes() {
        return projection.attributes();
    }
}
