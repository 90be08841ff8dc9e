package org.provisio.jaxrs.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.ExportUser;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.Refusals;

/**
 * {@code /admin/v1/tenants/{tenantId}/users}: users by lifecycle status with their purge dates,
 * one user, restore, delete now, resend invitation and the export of everything held on one user.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants/{tenantId}/users")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantUsersResource {
    /** The use cases this resource calls. */
    public record UseCases(ListTenants tenants, ListUsersByStatus list, RestoreUser restore, DeleteUser delete,
                           ResendInvitation resend, ExportUser export) {
    }

    private final UseCases users;

    public TenantUsersResource(UseCases users) {
        this.users = users;
    }

    @GET
    public AdminJson.Users list(@PathParam("tenantId") String tenantId, @QueryParam("status") String status,
                                @QueryParam("search") String search, @QueryParam("startIndex") String startIndex,
                                @QueryParam("count") String count) {
        TenantId tenant = tenant(tenantId);
        return AdminJson.Users.of(users.list().list(new ListUsersByStatus.Command(tenant, AdminRequests.status(status),
                Optional.ofNullable(search), AdminRequests.page(startIndex, count))));
    }

    @GET
    @Path("{userId}")
    public AdminJson.User get(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        return AdminJson.User.of(users.list().find(tenant(tenantId), AdminRequests.userId(userId))
                .orElseThrow(() -> AdminRequests.notFound("user", userId)));
    }

    /**
     * Everything held on the person, for an access request (GDPR art. 15), as one JSON document;
     * {@code Content-Disposition} offers it as a file, and no cache may keep it.
     */
    @GET
    @Path("{userId}/export")
    public Response export(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        TenantId tenant = tenant(tenantId);
        ExportUser.UserExport export = users.export().export(tenant, AdminRequests.userId(userId))
                .orElseThrow(() -> AdminRequests.notFound("user", userId));
        return Response.ok(AdminJson.Export.of(tenant, export))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"provisio-user-"
                        + export.user().user().id().value().replaceAll("[^A-Za-z0-9._-]", "_") + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("{userId}/restore")
    public AdminJson.User restore(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                                  @Context ContainerRequestContext request) {
        TenantId tenant = tenant(tenantId);
        UserId id = AdminRequests.userId(userId);
        users.restore().restore(new RestoreUser.Command(tenant, id, AccessFilter.actor(request)))
                .orElseThrow(Refusals::toScim);
        return get(tenantId, userId);
    }

    @DELETE
    @Path("{userId}")
    public Response delete(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                           @Context ContainerRequestContext request) {
        users.delete().delete(new DeleteUser.Command(tenant(tenantId), AdminRequests.userId(userId),
                AccessFilter.actor(request), Optional.empty())).orElseThrow(Refusals::toScim);
        return Response.noContent().build();
    }

    @POST
    @Path("{userId}/invitation")
    public Response resend(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                           @Context ContainerRequestContext request) {
        ResendInvitation.Resent resent = users.resend().resend(new ResendInvitation.Command(tenant(tenantId),
                AdminRequests.userId(userId), AccessFilter.actor(request))).orElseThrow(Refusals::toScim);
        return Response.accepted(new AdminJson.Invitation(resent.invitationId().value(),
                resent.expiresAt().toString())).build();
    }

    private TenantId tenant(String tenantId) {
        return AdminRequests.tenant(users.tenants(), tenantId).id();
    }
}
