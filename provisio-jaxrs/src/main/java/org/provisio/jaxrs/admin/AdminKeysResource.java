package org.provisio.jaxrs.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.Refusals;

/**
 * {@code /admin/v1/tenants/{tenantId}/admin-keys}: an organization's admin keys — issue one (its
 * secret is in the answer and nowhere else), list them (metadata only), revoke one. A key opens the
 * organization's part of the admin API and the console, and nothing of any other organization.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants/{tenantId}/admin-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminKeysResource {
    private final ListTenants tenants;
    private final AdminKeys keys;
    private final Supplier<String> publicUrl;

    public AdminKeysResource(ListTenants tenants, AdminKeys keys, Supplier<String> publicUrl) {
        this.tenants = tenants;
        this.keys = keys;
        this.publicUrl = publicUrl;
    }

    @POST
    public Response issue(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        TenantId tenant = AdminRequests.tenant(tenants, tenantId).id();
        IssuedCredential issued = keys.issue(new AdminKeys.Command(tenant, AccessFilter.actor(request)))
                .orElseThrow(Refusals::toScim);
        return Response.created(URI.create(publicUrl.get() + "/admin/v1/tenants/" + tenant.value() + "/admin-keys"))
                .entity(new AdminJson.IssuedAdminKey(issued.tokenId().value(), issued.secretToken()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    public AdminJson.Credentials list(@PathParam("tenantId") String tenantId) {
        TenantId tenant = AdminRequests.tenant(tenants, tenantId).id();
        return new AdminJson.Credentials(keys.list(tenant, true).stream().map(AdminJson.Credential::of).toList());
    }

    @DELETE
    @Path("{keyId}")
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId,
                           @Context ContainerRequestContext request) {
        TenantId tenant = AdminRequests.tenant(tenants, tenantId).id();
        TokenId key = AdminRequests.parse(() -> TokenId.of(keyId), "admin key", keyId);
        keys.revoke(new AdminKeys.Revoke(tenant, key, AccessFilter.actor(request))).orElseThrow(Refusals::toScim);
        return Response.noContent().build();
    }
}
