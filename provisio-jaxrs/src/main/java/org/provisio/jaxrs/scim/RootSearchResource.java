package org.provisio.jaxrs.scim;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterConformance;
import org.provisio.scim.query.SearchRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;

/**
 * {@code POST /scim/v2/{tenantId}/.search}: a search across every resource type (RFC 7644 §3.4.3), Users and
 * Groups. The result is one list: the users that match, in the order asked for, then the groups that match,
 * in the same order; {@code startIndex} and {@code count} page over that list and {@code totalResults}
 * counts both types.
 *
 * <p>A filter is evaluated against each type on its own schema: an attribute one type does not define
 * matches nothing of that type (so {@code userName sw "a"} finds users only, {@code displayName sw "a"}
 * both). A filter that neither type accepts is refused with the error the users' query gives.
 * Cursor paging (RFC 9865) is offered on {@code /Users} and {@code /Groups}, not here: no cursor is ever
 * issued for the root, so any cursor sent to it is {@code invalidCursor}.
 */
@Guarded(Realm.SCIM)
@Path("scim/v2/{tenantId}")
public final class RootSearchResource {
    private final UsersResource users;
    private final GroupsResource groups;
    private final ResourceSchema userSchema;
    private final ResourceSchema groupSchema;

    /** The root search over the two resources' queries; the schemas decide which filter each type accepts. */
    public RootSearchResource(UsersResource users, ResourceSchema userSchema, GroupsResource groups,
                              ResourceSchema groupSchema) {
        this.users = Objects.requireNonNull(users, "users");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.userSchema = Objects.requireNonNull(userSchema, "userSchema");
        this.groupSchema = Objects.requireNonNull(groupSchema, "groupSchema");
    }

    /** One resource type's part of a root search: the resources of the slice asked for, and how many match. */
    record Slice(List<ComplexValue> resources, long totalResults) {
        static final Slice NONE = new Slice(List.of(), 0);
    }

    @POST
    @Path(".search")
    public Response search(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request,
                           ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        RequestConformance conformance = ScimRequests.conformance(request);
        SearchRequest search = SearchRequest.fromBody(ScimResponses.requireBody(body), ScimResponses.DEFAULT_COUNT,
                ScimResponses.MAX_COUNT, conformance);
        if (search.optionalCursor().isPresent()) {
            throw ScimException.invalidCursor("Cursor paging (RFC 9865) is offered on /Users and /Groups, not on"
                    + " the root .search, which issues no cursor; page with startIndex and count");
        }
        checkFilter(search.optionalFilter(), conformance);

        int start = search.startIndex();
        int count = search.count();
        Optional<ScimException> userError = Optional.empty();
        Slice userSlice;
        try {
            userSlice = users.rootSlice(tenant, search, PageRequest.of(start, count));
        } catch (ScimException e) {
            userError = onlyInvalidFilter(e);
            userSlice = Slice.NONE;
        }
        int remaining = count - userSlice.resources().size();
        long groupStart = Math.max(1, start - userSlice.totalResults());
        Slice groupSlice;
        try {
            groupSlice = groups.rootSlice(tenant, search,
                    PageRequest.of((int) Math.min(groupStart, Integer.MAX_VALUE), remaining));
        } catch (ScimException e) {
            if (userError.isPresent()) {
                throw userError.get();
            }
            onlyInvalidFilter(e);
            groupSlice = Slice.NONE;
        }
        List<ComplexValue> resources = new ArrayList<>(userSlice.resources().size() + groupSlice.resources().size());
        resources.addAll(userSlice.resources());
        resources.addAll(groupSlice.resources());
        return ScimResponses.list(userSlice.totalResults() + groupSlice.totalResults(), start, resources);
    }

    /**
     * The strict profile refuses an attribute no schema defines; here an attribute is known when either
     * type defines it. The lenient profile lets such a comparison match nothing, per type, in the stores.
     */
    private void checkFilter(Optional<Filter> filter, RequestConformance conformance) {
        if (filter.isEmpty()) {
            return;
        }
        try {
            FilterConformance.check(filter.get(), userSchema, conformance);
        } catch (ScimException asUsers) {
            try {
                FilterConformance.check(filter.get(), groupSchema, conformance);
            } catch (ScimException asGroups) {
                throw asUsers;
            }
        }
    }

    /** A type that cannot evaluate the filter contributes nothing; any other error is the answer. */
    private static Optional<ScimException> onlyInvalidFilter(ScimException e) {
        if (e.type() != ScimErrorType.INVALID_FILTER) {
            throw e;
        }
        return Optional.of(e);
    }
}
