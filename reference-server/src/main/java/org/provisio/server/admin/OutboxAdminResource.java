package org.provisio.server.admin;

import org.provisio.server.http.Guarded;
import org.provisio.server.http.Realm;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.provisio.domain.usecase.OutboxStatus;

/**
 * {@code GET /admin/v1/outbox}: the depth of the whole outbox, for monitoring —
 * {@code {"pending":0,"retrying":2,"parked":1,"oldestPendingAt":"2026-11-29T10:00:00Z"}}.
 * {@code oldestPendingAt} is the creation time of the oldest message still to be delivered
 * (pending or retrying), or {@code null}. A tenant's own view, with its parked messages, is
 * {@code GET /admin/v1/tenants/{id}/outbox}.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/outbox")
public final class OutboxAdminResource {
    private final OutboxStatus status;

    public OutboxAdminResource(OutboxStatus status) {
        this.status = status;
    }

    @GET
    public Response depth() {
        return Response.ok(OutboxJson.depth(status.depth(Optional.empty())).build())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
    }
}
