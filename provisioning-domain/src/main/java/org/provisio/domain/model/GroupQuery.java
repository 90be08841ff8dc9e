package org.provisio.domain.model;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.filter.Filter;

/**
 * A SCIM query over a tenant's groups (RFC 7644 §3.4.2), e.g. Entra ID's
 * {@code displayName eq "Sales"}: an optional filter evaluated over the group's SCIM
 * representation ({@code members.value} included, {@code members.display} not), an optional sort
 * with the same semantics as for users, and the page. Without a sort, groups come in creation order.
 */
public record GroupQuery(Optional<Filter> filter, Optional<UserQuery.Sort> sort, PageRequest page) {
    public GroupQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }

    /** All groups, in creation order, the given page. */
    public static GroupQuery all(PageRequest page) {
        return new GroupQuery(Optional.empty(), Optional.empty(), page);
    }

    /** Groups matching {@code filter}, the given page. */
    public static GroupQuery filtered(Filter filter, PageRequest page) {
        return new GroupQuery(Optional.of(filter), Optional.empty(), page);
    }

    /** This query sorted. */
    public GroupQuery sortedBy(UserQuery.Sort newSort) {
        return new GroupQuery(filter, Optional.of(newSort), page);
    }

    /** Whether the filter or the sort looks at {@code members}, so that a store must read them to answer. */
    public boolean needsMembers() {
        return filter.map(GroupQuery::mentionsMembers).orElse(false)
                || sort.map(s -> s.by().attribute().equalsIgnoreCase("members")).orElse(false);
    }

    private static boolean mentionsMembers(Filter f) {
        if (f instanceof Filter.And and) {
            return mentionsMembers(and.left()) || mentionsMembers(and.right());
        }
        if (f instanceof Filter.Or or) {
            return mentionsMembers(or.left()) || mentionsMembers(or.right());
        }
        if (f instanceof Filter.Not not) {
            return mentionsMembers(not.inner());
        }
        if (f instanceof Filter.Present p) {
            return p.path().attribute().equalsIgnoreCase("members");
        }
        if (f instanceof Filter.Compare c) {
            return c.path().attribute().equalsIgnoreCase("members");
        }
        return ((Filter.ValuePath) f).path().attribute().equalsIgnoreCase("members");
    }
}
