package org.provisio.server.scim;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.ListResponse;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.query.Projection;
import org.provisio.scim.query.SearchRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;
import org.provisio.server.http.ScimMediaType;

/**
 * {@code /scim/v2/{tenantId}/Users} (RFC 7644 §3): translates HTTP to the domain's use cases and
 * back, adding {@code meta.location}, {@code ETag} and {@code Location} and applying
 * {@code attributes}/{@code excludedAttributes}.
 */
@Path("scim/v2/{tenantId}")
public final class UsersResource {
    /** Results per page when the client names no {@code count}. */
    public static final int DEFAULT_COUNT = 100;
    /** The most results per page; advertised as {@code filter.maxResults}. */
    public static final int MAX_COUNT = PageRequest.MAX_COUNT;

    private final Provisioning provisioning;
    private final String publicUrl;
    private final ResourceSchema schema = ResourceSchema.user();
    private final SchemaValidator validator = new SchemaValidator(schema);

    public UsersResource(Provisioning provisioning, String publicUrl) {
        this.provisioning = provisioning;
        this.publicUrl = publicUrl;
    }

    @POST
    @Path("Users")
    public Response create(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request,
                           @Context UriInfo uri, ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        UserView created = provisioning.provisionUser().provision(new ProvisionUser.Command(tenant,
                ScimRequests.actor(request), ScimResource.of(requireBody(body))));
        String location = location(tenant, created);
        return ok(Response.status(Response.Status.CREATED).location(URI.create(location)), created,
                Projection.parse(uri.getQueryParameters().getFirst("attributes"),
                        uri.getQueryParameters().getFirst("excludedAttributes")), location);
    }

    @GET
    @Path("Users/{id}")
    public Response get(@PathParam("tenantId") String tenantId, @PathParam("id") String id, @Context UriInfo uri,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        UserView view = find(tenant, id);
        if (ScimRequests.noneMatchHits(ifNoneMatch, view.etag())) {
            return Response.notModified(entityTag(view)).build();
        }
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return ok(Response.ok(), view, Projection.parse(q.getFirst("attributes"), q.getFirst("excludedAttributes")),
                location(tenant, view));
    }

    @GET
    @Path("Users")
    public Response query(@PathParam("tenantId") String tenantId, @Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return search(ScimRequests.tenant(tenantId), SearchRequest.fromParameters(q::getFirst, DEFAULT_COUNT, MAX_COUNT));
    }

    @POST
    @Path("Users/.search")
    public Response searchUsers(@PathParam("tenantId") String tenantId, ComplexValue body) {
        return search(ScimRequests.tenant(tenantId), SearchRequest.fromBody(requireBody(body), DEFAULT_COUNT, MAX_COUNT));
    }

    /** {@code POST /.search} at the tenant root: users are the only resources served there so far. */
    @POST
    @Path(".search")
    public Response searchRoot(@PathParam("tenantId") String tenantId, ComplexValue body) {
        return searchUsers(tenantId, body);
    }

    @PUT
    @Path("Users/{id}")
    public Response replace(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request,
                            @Context UriInfo uri, ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        UserView updated = provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, ScimRequests.userId(id),
                ScimRequests.actor(request), ScimResource.of(requireBody(body)), ScimRequests.ifMatch(ifMatch)));
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return ok(Response.ok(), updated, Projection.parse(q.getFirst("attributes"), q.getFirst("excludedAttributes")),
                location(tenant, updated));
    }

    @PATCH
    @Path("Users/{id}")
    public Response patch(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request,
                          @Context UriInfo uri, ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        PatchRequest patch = PatchRequest.from(requireBody(body));
        UserView updated = provisioning.patchUser().patch(new PatchUser.Command(tenant, ScimRequests.userId(id),
                ScimRequests.actor(request), patch, ScimRequests.ifMatch(ifMatch)));
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return ok(Response.ok(), updated, Projection.parse(q.getFirst("attributes"), q.getFirst("excludedAttributes")),
                location(tenant, updated));
    }

    @DELETE
    @Path("Users/{id}")
    public Response delete(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request) {
        provisioning.deleteUser().delete(new DeleteUser.Command(ScimRequests.tenant(tenantId), ScimRequests.userId(id),
                ScimRequests.actor(request), ScimRequests.ifMatch(ifMatch)));
        return Response.noContent().build();
    }

    private Response search(TenantId tenant, SearchRequest search) {
        UserQuery query = new UserQuery(search.optionalFilter(),
                search.optionalSortBy().map(by -> new UserQuery.Sort(by, search.sortOrder())),
                PageRequest.of(search.startIndex(), search.count()));
        Page<UserView> page = provisioning.queryUsers().query(tenant, query);
        List<ComplexValue> resources = new ArrayList<>(page.items().size());
        for (UserView view : page.items()) {
            resources.add(render(view, search.projection(), location(tenant, view)));
        }
        return Response.ok(new ListResponse(page.totalResults(), search.startIndex(), resources).toJson(),
                ScimMediaType.SCIM_JSON_UTF8_TYPE).build();
    }

    private UserView find(TenantId tenant, String id) {
        return provisioning.getUser().get(tenant, ScimRequests.userId(id))
                .orElseThrow(() -> ScimException.notFound("User " + id + " not found"));
    }

    private Response ok(Response.ResponseBuilder builder, UserView view, Projection projection, String location) {
        return builder.entity(render(view, projection, location))
                .type(ScimMediaType.SCIM_JSON_UTF8_TYPE)
                .tag(entityTag(view))
                .build();
    }

    private ComplexValue render(UserView view, Projection projection, String location) {
        ComplexValue scim = view.toScim();
        ComplexValue meta = scim.getComplex("meta").orElse(ComplexValue.EMPTY).with("location", new ReferenceValue(location));
        ComplexValue full = validator.forResponse(scim.with("meta", meta));
        return projection.isDefault() ? full : projection.apply(full, schema);
    }

    private String location(TenantId tenant, UserView view) {
        return publicUrl + "/scim/v2/" + tenant.value() + "/Users/" + view.user().id().value();
    }

    private static EntityTag entityTag(UserView view) {
        String etag = view.etag();
        boolean weak = etag.startsWith("W/");
        String value = weak ? etag.substring(2) : etag;
        return new EntityTag(value.substring(1, value.length() - 1), weak);
    }

    private static ComplexValue requireBody(ComplexValue body) {
        return Optional.ofNullable(body).orElseThrow(
                () -> ScimException.invalidSyntax("The request needs a JSON body"));
    }
}
