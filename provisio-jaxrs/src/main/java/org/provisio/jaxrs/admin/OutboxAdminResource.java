package org.provisio.jaxrs.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.ListTenants;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.provisio.domain.usecase.OutboxStatus;
import org.provisio.domain.usecase.RequeueParkedMessage;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.Refusals;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/**
 * The outbox for monitoring. {@code GET /admin/v1/outbox}: the depth of the whole outbox —
 * {@code {"pending":0,"retrying":2,"parked":1,"oldestPendingAt":"2026-11-29T10:00:00Z"}}, where
 * {@code oldestPendingAt} is the creation time of the oldest message still to be delivered (pending
 * or retrying), or {@code null}. {@code GET /admin/v1/tenants/{id}/outbox}: a tenant's depth with up
 * to {@value #MAX_PARKED} parked messages (without their payload, which may hold an invitation token).
 */
@Guarded(Realm.OPERATOR)
@Path("admin/v1/outbox")
@Produces(MediaType.APPLICATION_JSON)
public final class OutboxAdminResource {
    /** How many parked messages a tenant's outbox view lists at most. */
    static final int MAX_PARKED = 100;

    private final OutboxStatus status;

    public OutboxAdminResource(OutboxStatus status) {
        this.status = status;
    }

    @GET
    public AdminJson.Depth depth() {
        return AdminJson.Depth.of(status.depth(Optional.empty()));
    }

    /**
     * {@code /admin/v1/tenants/{tenantId}/outbox}, a root of its own: JAX-RS picks one root resource
     * per request by its longest literal path and never backtracks (JAX-RS 4.0 §3.7.2).
     */
    @Guarded(Realm.ADMIN)
    @Path("admin/v1/tenants/{tenantId}/outbox")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class OfTenant {
        private final ListTenants tenants;
        private final OutboxStatus status;
        private final RequeueParkedMessage requeue;

        public OfTenant(ListTenants tenants, OutboxStatus status, RequeueParkedMessage requeue) {
            this.tenants = tenants;
            this.status = status;
            this.requeue = requeue;
        }

        /** {@code POST .../outbox/{messageId}/retry}: a parked message is due again at once, audited. */
        @POST
        @Path("{messageId}/retry")
        public AdminJson.Parked retry(@PathParam("tenantId") String tenantId, @PathParam("messageId") String messageId,
                                      @Context ContainerRequestContext request) {
            TenantId tenant = AdminRequests.tenant(tenants, tenantId).id();
            return AdminJson.Parked.of(requeue.requeue(new RequeueParkedMessage.Command(tenant, messageId,
                    AccessFilter.actor(request))).orElseThrow(Refusals::toScim));
        }

        @GET
        public AdminJson.TenantOutbox tenant(@PathParam("tenantId") String tenantId) {
            Optional<TenantId> tenant = Optional.of(AdminRequests.tenant(tenants, tenantId).id());
            OutboxDepth depth = status.depth(tenant);
            return new AdminJson.TenantOutbox(depth.pending(), depth.retrying(), depth.parked(),
                    AdminJson.time(depth.oldestPendingAt()),
                    status.parked(tenant, MAX_PARKED).stream().map(AdminJson.Parked::of).toList());
        }
    }
}
