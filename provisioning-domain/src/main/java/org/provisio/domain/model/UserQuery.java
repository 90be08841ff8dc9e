package org.provisio.domain.model;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortOrder;
import org.provisio.scim.schema.ResourceSchema;

/**
 * A SCIM query over a tenant's users (RFC 7644 §3.4.2): an optional filter evaluated over the
 * user's SCIM representation, an optional sort and the page. Without a sort, users come in
 * creation order.
 */
public record UserQuery(Optional<Filter> filter, Optional<Sort> sort, PageRequest page, ResourceSchema schema) {

    /**
     * {@code sortBy} and {@code sortOrder}, with the semantics of scim-core's {@code Sorting}:
     * missing values last when ascending, first when descending, ties broken by {@code id}.
     */
    public record Sort(AttributePath by, SortOrder order) {
        public Sort {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(order, "order");
        }

        public static Sort ascending(AttributePath by) {
            return new Sort(by, SortOrder.ASCENDING);
        }

        public static Sort descending(AttributePath by) {
            return new Sort(by, SortOrder.DESCENDING);
        }
    }

    public UserQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(schema, "schema");
    }

    /** A query interpreted against the default User schema (RFC 7643 with the Enterprise extension). */
    public UserQuery(Optional<Filter> filter, Optional<Sort> sort, PageRequest page) {
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
    public static UserQuery all(PageRequest page) {
        return new UserQuery(Optional.empty(), Optional.empty(), page);
    }

    /** Users matching {@code filter}, the given page. */
    public static UserQuery filtered(Filter filter, PageRequest page) {
        return new UserQuery(Optional.of(filter), Optional.empty(), page);
    }

    /** This query sorted. */
    public UserQuery sortedBy(Sort newSort) {
        return new UserQuery(filter, Optional.of(newSort), page, schema);
    }
}
