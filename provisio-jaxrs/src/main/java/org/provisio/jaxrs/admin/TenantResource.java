package org.provisio.jaxrs.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.UpdateTenant;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.Refusals;
import org.provisio.scim.error.ScimException;

/**
 * {@code /admin/v1/tenants/{tenantId}}: one organization, for the operator and the organization's
 * own administrators; {@code PATCH} with {@code {"profile":"strict"}} (or {@code "lenient"}) sets
 * its conformance profile.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantResource {
    private final ListTenants tenants;
    private final UpdateTenant update;

    public TenantResource(ListTenants tenants, UpdateTenant update) {
        this.tenants = tenants;
        this.update = update;
    }

    @GET
    public AdminJson.TenantBody get(@PathParam("tenantId") String tenantId) {
        return AdminJson.TenantBody.of(AdminRequests.tenant(tenants, tenantId));
    }

    @PATCH
    public AdminJson.TenantBody patch(@PathParam("tenantId") String tenantId, AdminJson.TenantPatch body,
                                      @Context ContainerRequestContext request) {
        if (body == null) {
            throw ScimException.invalidSyntax("The request needs a JSON body such as {\"profile\":\"strict\"}");
        }
        if (body.profile() == null) {
            throw ScimException.invalidValue("\"profile\" is required: lenient or strict");
        }
        ConformanceProfile profile = ConformanceProfile.fromKeyword(body.profile().trim())
                .orElseThrow(() -> ScimException.invalidValue("\"profile\" must be lenient or strict"));
        return AdminJson.TenantBody.of(update.update(new UpdateTenant.Command(
                AdminRequests.tenant(tenants, tenantId).id(), profile, AccessFilter.actor(request)))
                .orElseThrow(Refusals::toScim));
    }
}
