package org.provisio.domain.model;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.schema.ResourceSchema;

/**
 * A SCIM query over a tenant's groups (RFC 7644 §3.4.2), e.g. Entra ID's
 * {@code displayName eq "Sales"}: an optional filter evaluated over the group's SCIM
 * representation ({@code members.value} included, {@code members.display} not), an optional sort
 * with the same semantics as for users, the page (by index or by keyset, {@link Paging}), and the
 * Group schema the filter is interpreted with (an embedder's extensions included). Without a sort,
 * groups come in creation order.
 */
public record GroupQuery(Optional<Filter> filter, Optional<SortBy> sort, Paging page, ResourceSchema schema) {
    public GroupQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(schema, "schema");
    }

    /** A query interpreted against the default Group schema. */
    public GroupQuery(Optional<Filter> filter, Optional<SortBy> sort, Paging page) {
        this(filter, sort, page, ResourceSchema.group());
    }

    /** This query interpreted against {@code groupSchema}. */
    public GroupQuery withSchema(ResourceSchema groupSchema) {
        return new GroupQuery(filter, sort, page, groupSchema);
    }

    /** All groups, in creation order, the given page. */
    public static GroupQuery all(Paging page) {
        return new GroupQuery(Optional.empty(), Optional.empty(), page);
    }

    /** Groups matching {@code filter}, the given page. */
    public static GroupQuery filtered(Filter filter, Paging page) {
        return new GroupQuery(Optional.of(filter), Optional.empty(), page);
    }

    /** The same query, another page of it. */
    public GroupQuery withPage(Paging newPage) {
        return new GroupQuery(filter, sort, newPage, schema);
    }

    /** This query sorted. */
    public GroupQuery sortedBy(SortBy newSort) {
        return new GroupQuery(filter, Optional.of(newSort), page, schema);
    }

    /** Whether the filter or the sort looks at {@code members}, so that a store must read them to answer. */
    public boolean needsMembers() {
        return filter.map(f -> f.accept(MENTIONS_MEMBERS)).orElse(false)
                || sort.map(s -> isMembers(s.by())).orElse(false);
    }

    private static boolean isMembers(AttributePath path) {
        return path.attribute().equalsIgnoreCase("members");
    }

    private static final Filter.Visitor<Boolean> MENTIONS_MEMBERS = new Filter.Visitor<>() {
        @Override
        public Boolean visitAnd(Filter.And f) {
            return f.left().accept(this) || f.right().accept(this);
        }

        @Override
        public Boolean visitOr(Filter.Or f) {
            return f.left().accept(this) || f.right().accept(this);
        }

        @Override
        public Boolean visitNot(Filter.Not f) {
            return f.inner().accept(this);
        }

        @Override
        public Boolean visitPresent(Filter.Present f) {
            return isMembers(f.path());
        }

        @Override
        public Boolean visitCompare(Filter.Compare f) {
            return isMembers(f.path());
        }

        @Override
        public Boolean visitValuePath(Filter.ValuePath f) {
            return isMembers(f.path());
        }
    };
}
