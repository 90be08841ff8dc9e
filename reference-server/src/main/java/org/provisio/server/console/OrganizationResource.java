package org.provisio.server.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.RequeueParkedMessage;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/**
 * {@code /console/organizations/{tenantId}}: the organization itself (its users are where it
 * opens), its audit log — newest first, paged — and its deliveries: the outbox's depth, the parked
 * messages with the error they were parked for, and Retry.
 */
@Guarded(Realm.CONSOLE)
@Path("console/organizations/{tenantId}")
@Produces(Pages.HTML)
public final class OrganizationResource {
    static final int AUDIT_PAGE_SIZE = 50;
    static final int MAX_PARKED = 100;

    private final Web web;

    OrganizationResource(Web web) {
        this.web = web;
    }

    @GET
    public Response organization(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Tenant tenant = web.tenant(Web.session(request), tenantId);
        return Pages.seeOther(web.paths().users(tenant.id().value()));
    }

    @GET
    @Path("audit")
    public Response audit(@PathParam("tenantId") String tenantId, @QueryParam("page") String pageParameter,
                          @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String t = tenant.id().value();
        int page = UsersResource.pageNumber(pageParameter, AUDIT_PAGE_SIZE);
        Page<AuditEntry> entries = web.provisioning.readAuditLog().read(tenant.id(),
                PageRequest.of((page - 1) * AUDIT_PAGE_SIZE + 1, AUDIT_PAGE_SIZE));
        Paths paths = web.paths();
        Views.Frame frame = web.frame(session, "Audit log", Optional.of(tenant), "audit");
        return web.pages.page("audit", new Views.AuditPage(frame,
                entries.items().stream().map(e -> ActivityRows.audit(e, t, paths)).toList(),
                UsersResource.range(entries, "entry", "entries"),
                page > 1 ? Optional.of(paths.audit(t, page - 1)) : Optional.empty(),
                (long) page * AUDIT_PAGE_SIZE < entries.totalResults() ? Optional.of(paths.audit(t, page + 1))
                        : Optional.empty()));
    }

    @GET
    @Path("deliveries")
    public Response deliveries(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String t = tenant.id().value();
        Optional<TenantId> scope = Optional.of(tenant.id());
        OutboxDepth depth = web.provisioning.outboxStatus().depth(scope);
        List<OutboxMessage> parked = web.provisioning.outboxStatus().parked(scope, MAX_PARKED);
        Map<String, List<AuditEntry>> trails = new HashMap<>();
        Paths paths = web.paths();
        List<Views.ParkedRow> rows = new ArrayList<>();
        for (OutboxMessage m : parked) {
            if (m.subject() instanceof OutboxMessage.Subject.OfGroup group) {
                // the console has no group pages: the row names the group and links nowhere
                String name = "Group " + Optional.ofNullable(m.payload().get("displayName"))
                        .orElse(Format.shortId(group.id().value()));
                List<AuditEntry> trail = trails.computeIfAbsent(group.key(), k -> web.provisioning.readAuditLog()
                        .read(tenant.id(), Optional.of(group.auditTarget()), PageRequest.first(PageRequest.MAX_COUNT))
                        .items());
                rows.add(new Views.ParkedRow(m.id(), Format.delivery(m.kind()), name, "", Format.when(m.createdAt()),
                        String.valueOf(m.attempts()), Format.when(m.parkedAt(), "-"), lastError(m, trail),
                        paths.retry(t, m.id())));
                continue;
            }
            String user = m.userId().value();
            List<AuditEntry> trail = trails.computeIfAbsent(user, u -> web.provisioning.readAuditLog()
                    .read(tenant.id(), Optional.of(m.subject().auditTarget()), PageRequest.first(PageRequest.MAX_COUNT)).items());
            rows.add(new Views.ParkedRow(m.id(), Format.delivery(m.kind()),
                    Optional.ofNullable(m.payload().get("userName")).orElse("User " + Format.shortId(user)),
                    paths.user(t, user), Format.when(m.createdAt()), String.valueOf(m.attempts()),
                    Format.when(m.parkedAt(), "-"), lastError(m, trail), paths.retry(t, m.id())));
        }
        List<Views.Field> counts = List.of(
                new Views.Field("Waiting", Format.count(depth.pending())),
                new Views.Field("Retrying", Format.count(depth.retrying())),
                new Views.Field("Parked", Format.count(depth.parked())),
                new Views.Field("Oldest waiting since", Format.when(depth.oldestPendingAt(), "nothing waiting")));
        return web.pages.page("deliveries", new Views.DeliveriesPage(
                web.frame(session, "Deliveries", Optional.of(tenant), "deliveries"), counts, rows));
    }

    @POST
    @Path("deliveries/{messageId}/retry")
    public Response retry(@PathParam("tenantId") String tenantId, @PathParam("messageId") String messageId,
                          @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String back = web.paths().deliveries(tenant.id().value());
        return web.provisioning.requeueParkedMessage().requeue(new RequeueParkedMessage.Command(tenant.id(), messageId,
                        session.administrator().actor()))
                .fold(m -> Web.done(session, Notice.success(Format.delivery(m.kind()) + " queued for another attempt."),
                                back),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), back));
    }

    /**
     * Why a message was parked: the domain records it in the audit entry that parked it
     * ({@code message:<id> invitation_email parked after 12 attempts: <error>}).
     */
    private static String lastError(OutboxMessage m, List<AuditEntry> trail) {
        String prefix = "message:" + m.id() + " ";
        return trail.stream().filter(e -> e.action() == AuditAction.OUTBOX_MESSAGE_PARKED)
                .map(AuditEntry::detail).filter(d -> d.startsWith(prefix)).findFirst()
                .map(d -> d.substring(prefix.length())).map(d -> {
                    int colon = d.indexOf(": ");
                    return colon < 0 ? d : d.substring(colon + 2);
                }).orElse("(not recorded)");
    }
}
