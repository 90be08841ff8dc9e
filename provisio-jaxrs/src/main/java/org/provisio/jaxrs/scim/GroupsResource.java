package org.provisio.jaxrs.scim;

import java.util.function.Supplier;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.provisio.domain.model.CursorScope;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.service.Cursors;
import org.provisio.domain.usecase.CreateGroup;
import org.provisio.domain.usecase.DeleteGroup;
import org.provisio.domain.usecase.GetGroup;
import org.provisio.domain.usecase.GroupView;
import org.provisio.domain.usecase.QueryGroups;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.domain.usecase.PatchGroup;
import org.provisio.domain.usecase.ReplaceGroup;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.query.Projection;
import org.provisio.scim.query.SearchRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.SchemaValidator;

/**
 * {@code /scim/v2/{tenantId}/Groups} (RFC 7644 §3) with the paging, sorting, projection and ETag
 * behaviour of {@code /Users}. Members are read only when the response shows them: a read with
 * {@code excludedAttributes=members} costs the same for a group of 10,000 as for an empty one.
 *
 * <p>{@code PATCH} answers {@code 204 No Content} with the new {@code ETag}, as Microsoft's and
 * Okta's documented group sequences show; when the request names {@code attributes} or
 * {@code excludedAttributes} it answers {@code 200} with the group so projected (RFC 7644
 * §3.5.2 requires 200 for {@code attributes}).
 */
@Guarded(Realm.SCIM)
@Path("scim/v2/{tenantId}")
public final class GroupsResource {
    /** The use cases this resource calls. */
    public record UseCases(CreateGroup create, GetGroup get, QueryGroups query, ReplaceGroup replace,
                           PatchGroup patch, DeleteGroup delete) {
    }

    private final UseCases groups;
    private final Supplier<String> publicUrl;
    private final SchemaValidator validator;
    private final Cursors cursors;

    /** The resource; {@code cursors} opens and issues the RFC 9865 cursors of its queries. */
    public GroupsResource(UseCases groups, ResourceSchema groupSchema, Supplier<String> publicUrl, Cursors cursors) {
        this.groups = groups;
        this.cursors = cursors;
        this.validator = new SchemaValidator(groupSchema);
        this.publicUrl = publicUrl;
    }

    @POST
    @Path("Groups")
    public Response create(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request,
                           @Context UriInfo uri, ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        GroupView created = ScimRequests.done(groups.create().create(new CreateGroup.Command(tenant,
                ScimRequests.actor(request), ScimResource.of(ScimResponses.requireBody(body)),
                ScimRequests.conformance(request))));
        String location = location(tenant, created);
        return ok(Response.status(Response.Status.CREATED).location(URI.create(location)), tenant, created,
                ScimResponses.projection(uri));
    }

    @GET
    @Path("Groups/{id}")
    public Response get(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                        @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excludedAttributes,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        Projection projection = Projection.parse(attributes, excludedAttributes);
        GroupView view = groups.get().get(tenant, ScimRequests.groupId(id), withMembers(projection))
                .orElseThrow(() -> ScimException.notFound("Group " + id + " not found"));
        if (ScimRequests.noneMatchHits(ifNoneMatch, view.version())) {
            return Response.notModified(ScimResponses.entityTag(view.version())).build();
        }
        return ok(Response.ok(), tenant, view, projection);
    }

    @GET
    @Path("Groups")
    public Response query(@PathParam("tenantId") String tenantId, @Context UriInfo uri,
                          @Context ContainerRequestContext request) {
        return search(ScimRequests.tenant(tenantId), ScimRequests.search(uri, validator.schema(),
                ScimRequests.conformance(request)));
    }

    @POST
    @Path("Groups/.search")
    public Response searchGroups(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request,
                                 ComplexValue body) {
        return search(ScimRequests.tenant(tenantId), ScimRequests.search(body, validator.schema(),
                ScimRequests.conformance(request)));
    }

    @PUT
    @Path("Groups/{id}")
    public Response replace(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request,
                            @Context UriInfo uri, ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        GroupView updated = ScimRequests.done(groups.replace().replace(new ReplaceGroup.Command(tenant,
                ScimRequests.groupId(id), ScimRequests.actor(request), ScimResource.of(ScimResponses.requireBody(body)),
                ScimRequests.ifMatch(ifMatch), ScimRequests.conformance(request))));
        return ok(Response.ok(), tenant, updated, ScimResponses.projection(uri));
    }

    @PATCH
    @Path("Groups/{id}")
    public Response patch(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request,
                          @Context UriInfo uri, ComplexValue body) {
        TenantId tenant = ScimRequests.tenant(tenantId);
        RequestConformance conformance = ScimRequests.conformance(request);
        PatchRequest patch = PatchRequest.from(ScimResponses.requireBody(body), conformance);
        boolean withBody = ScimResponses.namesAttributes(uri);
        Projection projection = ScimResponses.projection(uri);
        GroupView updated = ScimRequests.done(groups.patch().patch(new PatchGroup.Command(tenant,
                ScimRequests.groupId(id), ScimRequests.actor(request), patch, ScimRequests.ifMatch(ifMatch),
                withBody && withMembers(projection), conformance)));
        if (!withBody) {
            return Response.noContent().tag(ScimResponses.entityTag(updated.version())).build();
        }
        return ok(Response.ok(), tenant, updated, projection);
    }

    @DELETE
    @Path("Groups/{id}")
    public Response delete(@PathParam("tenantId") String tenantId, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context ContainerRequestContext request) {
        ScimRequests.done(groups.delete().delete(new DeleteGroup.Command(ScimRequests.tenant(tenantId),
                ScimRequests.groupId(id), ScimRequests.actor(request), ScimRequests.ifMatch(ifMatch))));
        return Response.noContent().build();
    }

    private Response search(TenantId tenant, SearchRequest search) {
        GroupQuery query = new GroupQuery(search.optionalFilter(), ScimResponses.sort(search),
                ScimResponses.page(search));
        CursorScope scope = CursorScope.of(tenant, query);
        Page<GroupView> page = groups.query().query(tenant,
                query.withPage(ScimResponses.paging(search, cursors, scope)), withMembers(search.projection()));
        List<ComplexValue> resources = new ArrayList<>(page.items().size());
        for (GroupView view : page.items()) {
            resources.add(render(tenant, view, search.projection()));
        }
        return ScimResponses.list(page, search, resources, cursors, scope);
    }

    /** The groups' part of a root search (RFC 7644 §3.4.3): the slice {@code page} asks for, and how many match. */
    RootSearchResource.Slice rootSlice(TenantId tenant, SearchRequest search, PageRequest page) {
        Page<GroupView> found = groups.query().query(tenant,
                new GroupQuery(search.optionalFilter(), ScimResponses.sort(search), page),
                withMembers(search.projection()));
        List<ComplexValue> resources = new ArrayList<>(found.items().size());
        for (GroupView view : found.items()) {
            resources.add(render(tenant, view, search.projection()));
        }
        return new RootSearchResource.Slice(resources, found.totalResults());
    }

    private static boolean withMembers(Projection projection) {
        return !projection.excludes("members");
    }

    private Response ok(Response.ResponseBuilder builder, TenantId tenant, GroupView view, Projection projection) {
        return ScimResponses.resource(builder, render(tenant, view, projection), view.version());
    }

    /** The group with {@code meta.location} and each member's {@code $ref}, projected. */
    private ComplexValue render(TenantId tenant, GroupView view, Projection projection) {
        ComplexValue scim = view.toScim();
        MultiValue members = scim.getMulti("members");
        if (members.size() > 0) {
            String users = publicUrl.get() + "/scim/v2/" + tenant.value() + "/Users/";
            List<Value> withRefs = new ArrayList<>(members.size());
            for (Value m : members.values()) {
                ComplexValue member = (ComplexValue) m;
                withRefs.add(member.with("$ref", new ReferenceValue(users + member.getText("value").orElseThrow())));
            }
            scim = scim.with("members", new MultiValue(withRefs));
        }
        return ScimResponses.render(scim, location(tenant, view), validator, projection);
    }

    private String location(TenantId tenant, GroupView view) {
        return publicUrl.get() + "/scim/v2/" + tenant.value() + "/Groups/" + view.group().id().value();
    }
}
