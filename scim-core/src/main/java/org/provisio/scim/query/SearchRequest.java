package org.provisio.scim.query;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;

/**
 * The parameters of a query (RFC 7644 §3.4.2) or of a {@code POST .search} (§3.4.3):
 * {@code filter}, {@code attributes}/{@code excludedAttributes}, {@code sortBy}/{@code sortOrder},
 * {@code startIndex} and {@code count}.
 *
 * <p>A {@code startIndex} below 1 is taken as 1 and a negative {@code count} as 0 (RFC 7644
 * §3.4.2.4); a {@code count} above the service's maximum is lowered to it; a value that is not
 * an integer is {@code invalidValue}.
 *
 * @param filter     the filter, or {@code null} for every resource
 * @param projection the attributes to return
 * @param sortBy     the sort attribute, or {@code null} for the store's natural order
 * @param sortOrder  ascending unless asked otherwise
 * @param startIndex 1-based index of the first result
 * @param count      the most results on this page
 */
public record SearchRequest(Filter filter, Projection projection, AttributePath sortBy, SortOrder sortOrder,
                            int startIndex, int count) {
    public static final String SEARCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    public SearchRequest {
        projection = projection == null ? Projection.DEFAULT : projection;
        sortOrder = sortOrder == null ? SortOrder.ASCENDING : sortOrder;
        startIndex = Math.max(1, startIndex);
        count = Math.max(0, count);
    }

    public Optional<Filter> optionalFilter() {
        return Optional.ofNullable(filter);
    }

    public Optional<AttributePath> optionalSortBy() {
        return Optional.ofNullable(sortBy);
    }

    /** Reads query parameters ({@code param} returns {@code null} for an absent one). */
    public static SearchRequest fromParameters(Function<String, String> param, int defaultCount, int maxCount) {
        String filterText = param.apply("filter");
        String sortByText = param.apply("sortBy");
        String order = param.apply("sortOrder");
        return new SearchRequest(
                filterText == null || filterText.isBlank() ? null : Filter.parse(filterText),
                Projection.parse(param.apply("attributes"), param.apply("excludedAttributes")),
                sortByText == null || sortByText.isBlank() ? null : AttributePath.parse(sortByText.trim()),
                parseOrder(order),
                parseInt("startIndex", param.apply("startIndex"), 1),
                Math.min(maxCount, parseInt("count", param.apply("count"), defaultCount)));
    }

    /** Reads a {@code POST .search} body. */
    public static SearchRequest fromBody(ComplexValue body, int defaultCount, int maxCount) {
        return fromParameters(name -> text(body, name), defaultCount, maxCount);
    }

    private static String text(ComplexValue body, String name) {
        Value v = body.getOrNull(name);
        if (v == null) {
            return null;
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

    private static SortOrder parseOrder(String order) {
        if (order == null || order.isBlank()) {
            return SortOrder.ASCENDING;
        }
        return SortOrder.fromName(order.trim()).orElseThrow(() -> ScimException.invalidValue(
                "\"sortOrder\" must be \"ascending\" or \"descending\""));
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
