package org.provisio.domain.model;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.schema.ResourceSchema;

/**
 * A SCIM query over a tenant's users (RFC 7644 §3.4.2): an optional filter evaluated over the
 * user's SCIM representation, an optional sort ({@code sortBy}/{@code sortOrder} with the
 * semantics of scim-core's {@code Sorting}), the page — by index, or by keyset for RFC 9865 cursors
 * ({@link Paging}) — and the schema the filter's attributes are interpreted with (an embedder's
 * extensions included). Without a sort, users come in creation order.
 */
public record UserQuery(Optional<Filter> filter, Optional<SortBy> sort, Paging page, ResourceSchema schema) {
    public UserQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(schema, "schema");
    }

    /** A query interpreted against the default User schema (RFC 7643 with the Enterprise extension). */
    public UserQuery(Optional<Filter> filter, Optional<SortBy> sort, Paging page) {
        this(filter, sort, page, ResourceSchema.user());
    }

    /**
     * This query interpreted against {@code userSchema}, so that a store compares an embedder's
     * extension attributes with their declared type and {@code caseExact}.
     */
    public UserQuery withSchema(ResourceSchema userSchema) {
        return new UserQuery(filter, sort, page, userSchema);
    }

    /** All users, in creation order, the given page. */
    public static UserQuery all(Paging page) {
        return new UserQuery(Optional.empty(), Optional.empty(), page);
    }

    /** Users matching {@code filter}, the given page. */
    public static UserQuery filtered(Filter filter, Paging page) {
        return new UserQuery(Optional.of(filter), Optional.empty(), page);
    }

    /** The same query, another page of it. */
    public UserQuery withPage(Paging newPage) {
        return new UserQuery(filter, sort, newPage, schema);
    }

    /** This query sorted. */
    public UserQuery sortedBy(SortBy newSort) {
        return new UserQuery(filter, Optional.of(newSort), page, schema);
    }
}
