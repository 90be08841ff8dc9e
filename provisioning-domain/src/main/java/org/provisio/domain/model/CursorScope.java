package org.provisio.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.query.SortBy;

/**
 * What an RFC 9865 cursor is valid for: one tenant's query over one resource type with one filter
 * and one sort. RFC 9865 §2 has the client repeat every parameter but {@code cursor} on each page;
 * a cursor sent with another filter or sort would name a key of another order, so it is
 * {@code invalidCursor}. {@code attributes}/{@code excludedAttributes} and {@code count} may change
 * from page to page: they change what a page shows and how long it is, not where it starts.
 *
 * @param tenant       the tenant queried
 * @param resourceType {@code User} or {@code Group}
 * @param filter       the filter, as parsed
 * @param sort         the sort, if any
 */
public record CursorScope(TenantId tenant, String resourceType, Optional<Filter> filter, Optional<SortBy> sort) {
    public CursorScope {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
    }

    /** The scope of a user query. */
    public static CursorScope of(TenantId tenant, UserQuery query) {
        return new CursorScope(tenant, "User", query.filter(), query.sort());
    }

    /** The scope of a group query. */
    public static CursorScope of(TenantId tenant, GroupQuery query) {
        return new CursorScope(tenant, "Group", query.filter(), query.sort());
    }

    /**
     * 16 bytes that differ, as far as SHA-256 can tell, for any two scopes: over the tenant, the
     * resource type, the filter written back in SCIM syntax and the sort attribute and order.
     */
    public byte[] fingerprint() {
        String text = String.join("\n", "provisio-cursor-scope-1", tenant.value(), resourceType,
                filter.map(Filter::toString).orElse(""),
                sort.map(s -> s.by().toString() + " " + s.order().name()).orElse(""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
