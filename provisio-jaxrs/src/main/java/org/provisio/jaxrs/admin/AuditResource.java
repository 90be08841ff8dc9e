package org.provisio.jaxrs.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.ReadAuditLog;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/**
 * {@code /admin/v1/tenants/{tenantId}/audit}: the tenant's audit log, newest first, paged; with
 * {@code ?target=user:<id>} the entries on one user (or group, or credential) only.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants/{tenantId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private final ListTenants tenants;
    private final ReadAuditLog audit;

    public AuditResource(ListTenants tenants, ReadAuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @GET
    public AdminJson.Audit read(@PathParam("tenantId") String tenantId, @QueryParam("target") String target,
                                @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        return AdminJson.Audit.of(audit.read(AdminRequests.tenant(tenants, tenantId).id(),
                java.util.Optional.ofNullable(target).filter(t -> !t.isBlank()), AdminRequests.page(startIndex, count)));
    }
}
