package org.provisio.jaxrs.scim;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.ScimMediaType;
import org.provisio.scim.bulk.BulkJob;
import org.provisio.scim.bulk.BulkRequest;
import org.provisio.scim.bulk.BulkResponse;
import org.provisio.scim.resource.ComplexValue;

/**
 * {@code POST /scim/v2/{tenantId}/Bulk} (RFC 7644 §3.7): POST, PUT, PATCH and DELETE of
 * {@code /Users} and {@code /Groups} in one request, with {@code "bulkId:qwerty"} references between
 * them resolved in any order. Each operation calls the use case its single request calls, in a unit
 * of work of its own, so lifecycle, invitations, outbox and audit are exactly those of the single
 * requests, and one operation's failure leaves the others as they are.
 *
 * <p>The request is checked whole first: more than {@code maxOperations} operations is 413
 * {@code tooMany}, a malformed request is 400 and nothing runs; a body over {@code maxPayloadSize} is
 * refused with 413 before it is read, as for every SCIM request. Otherwise the answer is 200 with a
 * BulkResponse that gives each processed operation its status, {@code location}, {@code version} and,
 * when it failed, its Error.
 */
@Guarded(Realm.SCIM)
@Path("scim/v2/{tenantId}")
public final class BulkResource {
    /** The most operations of one request unless configured: RFC 7644 §3.7.4 requires a limit. */
    public static final int DEFAULT_MAX_OPERATIONS = 1_000;
    private static final Set<String> ENDPOINTS = Set.of("Users", "Groups");

    private final UsersResource.UseCases users;
    private final GroupsResource.UseCases groups;
    private final Supplier<String> publicUrl;
    private final int maxOperations;

    /** Bulk over the same use cases as {@link UsersResource} and {@link GroupsResource}. */
    public BulkResource(UsersResource.UseCases users, GroupsResource.UseCases groups, Supplier<String> publicUrl,
                        int maxOperations) {
        this.users = Objects.requireNonNull(users, "users");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be positive");
        }
        this.maxOperations = maxOperations;
    }

    @POST
    @Path("Bulk")
    public Response bulk(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request,
                         ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        RequestConformance conformance = ScimRequests.conformance(request);
        BulkRequest bulk = BulkRequest.parse(ScimResponses.requireBody(body), maxOperations, ENDPOINTS, conformance);
        BulkResponse response = BulkJob.run(bulk, publicUrl.get() + "/scim/v2/" + tenant.value(),
                new BulkOperations(users, groups, tenant, ScimRequests.actor(request), conformance));
        return Response.ok(response.toJson(), ScimMediaType.SCIM_JSON_UTF8_TYPE).build();
    }
}
