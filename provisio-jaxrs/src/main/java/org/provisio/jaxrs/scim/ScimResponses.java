package org.provisio.jaxrs.scim;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.CursorScope;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Paging;
import org.provisio.domain.model.Version;
import org.provisio.domain.service.Cursors;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.ListResponse;
import org.provisio.scim.query.Projection;
import org.provisio.scim.query.SearchRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;
import org.provisio.jaxrs.http.ScimMediaType;

/**
 * What the SCIM resource endpoints ({@code /Users}, {@code /Groups}) share on the way out: the
 * projection of the query string, {@code meta.location}, {@code ETag}s, list responses and the
 * paging and sorting of a {@link SearchRequest}.
 */
final class ScimResponses {
    /** Results per page when the client names no {@code count}. */
    static final int DEFAULT_COUNT = 100;
    /** The most results per page; advertised as {@code filter.maxResults}. */
    static final int MAX_COUNT = PageRequest.MAX_COUNT;

    private ScimResponses() {
    }

    /** {@code attributes} / {@code excludedAttributes} of the query string. */
    static Projection projection(UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return Projection.parse(q.getFirst("attributes"), q.getFirst("excludedAttributes"));
    }

    /** Whether the query string names {@code attributes} or {@code excludedAttributes}. */
    static boolean namesAttributes(UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return q.containsKey("attributes") || q.containsKey("excludedAttributes");
    }

    static SearchRequest search(UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return SearchRequest.fromParameters(q::getFirst, DEFAULT_COUNT, MAX_COUNT);
    }

    static SearchRequest search(ComplexValue body) {
        return SearchRequest.fromBody(requireBody(body), DEFAULT_COUNT, MAX_COUNT);
    }

    static PageRequest page(SearchRequest search) {
        return PageRequest.of(search.startIndex(), search.count());
    }

    /**
     * The page a search asks for: by index, or — with a {@code cursor} (RFC 9865 §2) — the keyset page
     * its cursor stands for, the first one for an empty cursor; a cursor of another query, altered or
     * expired is refused with {@code invalidCursor} or {@code expiredCursor}.
     */
    static Paging paging(SearchRequest search, Cursors cursors, CursorScope scope) {
        return search.optionalCursor().<Paging>map(cursor -> cursors.open(cursor, scope, search.count()))
                .orElseGet(() -> page(search));
    }

    static Optional<SortBy> sort(SearchRequest search) {
        return search.optionalSortBy().map(by -> new SortBy(by, search.sortOrder()));
    }

    /**
     * A resource as the client asked to see it: {@code meta.location} set, {@code returned:never}
     * attributes dropped, then projected.
     */
    static ComplexValue render(ComplexValue scim, String location, SchemaValidator validator, Projection projection) {
        ComplexValue meta = scim.getComplex("meta").orElse(ComplexValue.EMPTY)
                .with("location", new ReferenceValue(location));
        ComplexValue full = validator.forResponse(scim.with("meta", meta));
        ResourceSchema schema = validator.schema();
        return projection.isDefault() ? full : projection.apply(full, schema);
    }

    /** A resource response with its body, media type and {@code ETag}. */
    static Response resource(Response.ResponseBuilder builder, ComplexValue body, Version version) {
        return builder.entity(body).type(ScimMediaType.SCIM_JSON_UTF8_TYPE).tag(entityTag(version)).build();
    }

    /** A {@code ListResponse}. */
    static Response list(long totalResults, int startIndex, List<ComplexValue> resources) {
        return Response.ok(new ListResponse(totalResults, startIndex, resources).toJson(),
                ScimMediaType.SCIM_JSON_UTF8_TYPE).build();
    }

    /**
     * The {@code ListResponse} of {@code page}, which {@code search} asked for: an index page, or a
     * cursor page (RFC 9865 §2) without {@code startIndex} and with the {@code nextCursor} of its next
     * page unless it is the last. {@code previousCursor} is not offered (RFC 9865 makes it optional):
     * a client that wants a page again sends the cursor it got it with, good for {@code cursorTimeout}.
     */
    static Response list(Page<?> page, SearchRequest search, List<ComplexValue> resources, Cursors cursors,
                         CursorScope scope) {
        if (search.optionalCursor().isEmpty()) {
            return list(page.totalResults(), search.startIndex(), resources);
        }
        Optional<String> next = page.next().map(key -> cursors.issue(key, page.totalResults(), scope));
        return Response.ok(ListResponse.cursorPage(page.totalResults(), resources, next).toJson(),
                ScimMediaType.SCIM_JSON_UTF8_TYPE).build();
    }

    /** The weak entity tag of a version, {@code W/"3"} (RFC 7644 §3.14). */
    static EntityTag entityTag(Version version) {
        return new EntityTag(Long.toString(version.value()), true);
    }

    static ComplexValue requireBody(ComplexValue body) {
        return Optional.ofNullable(body).orElseThrow(
                () -> ScimException.invalidSyntax("The request needs a JSON body"));
    }
}
