package org.provisio.jaxrs.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.ReadDeviations;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/**
 * {@code /admin/v1/tenants/{tenantId}/deviations}: the tenant's client-deviation report, for the operator and
 * the organization's administrators — every tolerance Provisio applied to the tenant's SCIM requests and every
 * request it refused, by kind, with counts, first and last time and one redacted example request line:
 *
 * <pre>{@code
 * {"tenantId":"acme","profile":"lenient","deviations":[{"kind":"boolean-as-string","category":"tolerance",
 *   "outcome":"tolerated","count":42,"firstSeen":"...","lastSeen":"...",
 *   "example":"PATCH /scim/v2/{tenantId}/Users/{id} (active)","description":"...","rule":"RFC 7643 §2.3.2: ..."}]}
 * }</pre>
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants/{tenantId}/deviations")
@Produces(MediaType.APPLICATION_JSON)
public final class DeviationsResource {
    private final ListTenants tenants;
    private final ReadDeviations deviations;

    public DeviationsResource(ListTenants tenants, ReadDeviations deviations) {
        this.tenants = tenants;
        this.deviations = deviations;
    }

    @GET
    public AdminJson.DeviationReport report(@PathParam("tenantId") String tenantId) {
        Tenant tenant = AdminRequests.tenant(tenants, tenantId);
        return AdminJson.DeviationReport.of(tenant, deviations.report(tenant.id()));
    }
}
