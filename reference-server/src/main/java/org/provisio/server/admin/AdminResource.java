package org.provisio.server.admin;

import org.provisio.server.http.Guarded;
import org.provisio.server.http.Realm;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.RevokeCredential;
import org.provisio.domain.usecase.UserSummary;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * The operator's API, {@code /admin/v1} (DESIGN.md, "Admin API essentials"): tenants, SCIM
 * credentials, users by lifecycle status with their purge dates, restore, delete now, resend
 * invitation, the audit log and the tenant's outbox. JSON in and out; errors use the SCIM Error shape.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants")
public final class AdminResource {
    private final Provisioning provisioning;
    private final String publicUrl;

    public AdminResource(Provisioning provisioning, String publicUrl) {
        this.provisioning = provisioning;
        this.publicUrl = publicUrl;
    }

    @POST
    public Response createTenant(ComplexValue body) {
        CreateTenantRequest request = AdminInput.valid(new CreateTenantRequest(
                body == null ? null : body.getText("name").orElse(null)));
        Tenant tenant = provisioning.createTenant().create(new CreateTenant.Command(request.name().trim(), Actor.admin()));
        return json(Response.created(URI.create(publicUrl + "/admin/v1/tenants/" + tenant.id().value())), tenant(tenant));
    }

    @GET
    public Response listTenants() {
        List<Value> out = new ArrayList<>();
        provisioning.listTenants().list().forEach(t -> out.add(tenant(t)));
        return json(Response.ok(), ComplexValue.of("tenants", new MultiValue(out)));
    }

    @GET
    @Path("{tenantId}")
    public Response getTenant(@PathParam("tenantId") String tenantId) {
        return json(Response.ok(), tenant(findTenant(tenantId)));
    }

    @POST
    @Path("{tenantId}/credentials")
    public Response issueCredential(@PathParam("tenantId") String tenantId) {
        TenantId tenant = findTenant(tenantId).id();
        IssuedCredential issued = provisioning.issueCredential().issue(new IssueCredential.Command(tenant, Actor.admin()))
                .orElseThrow(() -> notFound("tenant", tenantId));
        return json(Response.created(URI.create(publicUrl + "/admin/v1/tenants/" + tenant.value() + "/credentials")),
                ComplexValue.builder()
                        .put("tokenId", issued.tokenId().value())
                        .put("tenantUrl", publicUrl + "/scim/v2/" + tenant.value())
                        .put("secretToken", issued.secretToken())
                        .build());
    }

    @GET
    @Path("{tenantId}/credentials")
    public Response listCredentials(@PathParam("tenantId") String tenantId) {
        TenantId tenant = findTenant(tenantId).id();
        List<Value> out = new ArrayList<>();
        for (CredentialInfo c : provisioning.listCredentials().list(tenant)) {
            out.add(ComplexValue.builder()
                    .put("tokenId", c.tokenId().value())
                    .put("createdAt", time(c.createdAt()))
                    .putKeepingNull("lastUsedAt", time(c.lastUsedAt()))
                    .putKeepingNull("revokedAt", time(c.revokedAt()))
                    .put("revoked", c.revokedAt().isPresent())
                    .build());
        }
        return json(Response.ok(), ComplexValue.of("credentials", new MultiValue(out)));
    }

    @DELETE
    @Path("{tenantId}/credentials/{tokenId}")
    public Response revokeCredential(@PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId) {
        TenantId tenant = findTenant(tenantId).id();
        TokenId token = parse(() -> TokenId.of(tokenId), "credential", tokenId);
        if (!provisioning.revokeCredential().revoke(new RevokeCredential.Command(tenant, token, Actor.admin()))) {
            throw notFound("credential", tokenId);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{tenantId}/users")
    public Response listUsers(@PathParam("tenantId") String tenantId, @QueryParam("status") String status,
                              @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        TenantId tenant = findTenant(tenantId).id();
        PageParameters p = AdminInput.valid(new PageParameters(AdminInput.integer("startIndex", startIndex, 1),
                AdminInput.integer("count", count, 100), status == null || status.isBlank() ? null : status.trim()));
        Page<UserSummary> page = provisioning.listUsersByStatus().list(new ListUsersByStatus.Command(tenant,
                Optional.ofNullable(p.status()).flatMap(UserStatus::fromKeyword), PageRequest.of(p.startIndex(), p.count())));
        List<Value> users = new ArrayList<>();
        page.items().forEach(u -> users.add(user(u)));
        return json(Response.ok(), page(page, "users", users));
    }

    @GET
    @Path("{tenantId}/users/{userId}")
    public Response getUser(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        TenantId tenant = findTenant(tenantId).id();
        UserSummary summary = provisioning.listUsersByStatus().find(tenant, userId(userId))
                .orElseThrow(() -> notFound("user", userId));
        return json(Response.ok(), user(summary));
    }

    @POST
    @Path("{tenantId}/users/{userId}/restore")
    public Response restore(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        TenantId tenant = findTenant(tenantId).id();
        UserId id = userId(userId);
        RestoreUser.Outcome outcome = provisioning.restoreUser().restore(new RestoreUser.Command(tenant, id, Actor.admin()));
        if (outcome instanceof RestoreUser.Restored) {
            return getUser(tenantId, userId);
        }
        if (outcome instanceof RestoreUser.NotSuspended n) {
            throw ScimException.of(ScimErrorType.CONFLICT, "The user is " + n.status().keyword() + ", not suspended");
        }
        if (outcome instanceof RestoreUser.RetentionElapsed r) {
            throw ScimException.of(ScimErrorType.CONFLICT, "The retention period ended at " + r.purgeAt()
                    + "; the user can no longer be restored");
        }
        throw notFound("user", userId);
    }

    @DELETE
    @Path("{tenantId}/users/{userId}")
    public Response deleteUser(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        TenantId tenant = findTenant(tenantId).id();
        provisioning.deleteUser().delete(new DeleteUser.Command(tenant, userId(userId), Actor.admin(), Optional.empty()));
        return Response.noContent().build();
    }

    @POST
    @Path("{tenantId}/users/{userId}/invitation")
    public Response resendInvitation(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        TenantId tenant = findTenant(tenantId).id();
        ResendInvitation.Outcome outcome = provisioning.resendInvitation().resend(
                new ResendInvitation.Command(tenant, userId(userId), Actor.admin()));
        if (outcome instanceof ResendInvitation.Resent r) {
            return json(Response.accepted(), ComplexValue.builder()
                    .put("invitationId", r.invitationId().value())
                    .put("expiresAt", r.expiresAt().toString())
                    .build());
        }
        if (outcome instanceof ResendInvitation.NotPending n) {
            throw ScimException.of(ScimErrorType.CONFLICT, "The user is " + n.status().keyword()
                    + "; only pending users have an invitation to resend");
        }
        throw notFound("user", userId);
    }

    @GET
    @Path("{tenantId}/audit")
    public Response audit(@PathParam("tenantId") String tenantId, @QueryParam("startIndex") String startIndex,
                          @QueryParam("count") String count) {
        TenantId tenant = findTenant(tenantId).id();
        PageParameters p = AdminInput.valid(new PageParameters(AdminInput.integer("startIndex", startIndex, 1),
                AdminInput.integer("count", count, 100), null));
        Page<AuditEntry> page = provisioning.readAuditLog().read(tenant, PageRequest.of(p.startIndex(), p.count()));
        List<Value> entries = new ArrayList<>();
        for (AuditEntry e : page.items()) {
            entries.add(ComplexValue.builder()
                    .put("id", e.id())
                    .put("at", e.at().toString())
                    .put("actor", e.actor().describe())
                    .put("action", e.action().name().toLowerCase(java.util.Locale.ROOT))
                    .put("target", e.target())
                    .put("detail", e.detail())
                    .build());
        }
        return json(Response.ok(), page(page, "entries", entries));
    }

    /**
     * The tenant's outbox: its depth and up to 100 parked messages (without their payload),
     * {@code {"pending","retrying","parked","oldestPendingAt","parkedMessages":[…]}}.
     */
    @GET
    @Path("{tenantId}/outbox")
    public Response outbox(@PathParam("tenantId") String tenantId) {
        Optional<TenantId> tenant = Optional.of(findTenant(tenantId).id());
        return json(Response.ok(), OutboxJson.depth(provisioning.outboxStatus().depth(tenant))
                .put("parkedMessages", OutboxJson.parked(provisioning.outboxStatus().parked(tenant,
                        OutboxJson.MAX_PARKED)))
                .build());
    }

    private Tenant findTenant(String tenantId) {
        TenantId id = parse(() -> TenantId.of(tenantId), "tenant", tenantId);
        return provisioning.listTenants().find(id).orElseThrow(() -> notFound("tenant", tenantId));
    }

    private static UserId userId(String userId) {
        return parse(() -> UserId.of(userId), "user", userId);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String what, String text) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw notFound(what, text);
        }
    }

    private static ScimException notFound(String what, String id) {
        return ScimException.notFound("No " + what + " " + id);
    }

    private static ComplexValue tenant(Tenant t) {
        return ComplexValue.builder()
                .put("id", t.id().value())
                .put("name", t.name())
                .put("createdAt", t.createdAt().toString())
                .build();
    }

    private static ComplexValue user(UserSummary u) {
        return ComplexValue.builder()
                .put("id", u.id().value())
                .put("userName", u.userName())
                .put("status", u.status().keyword())
                .putKeepingNull("suspendedAt", time(u.suspendedAt()))
                .putKeepingNull("purgeAt", time(u.purgeAt()))
                .put("createdAt", u.createdAt().toString())
                .put("lastModifiedAt", u.lastModifiedAt().toString())
                .build();
    }

    private static ComplexValue page(Page<?> page, String name, List<Value> items) {
        return ComplexValue.builder()
                .put("totalResults", IntegerValue.of(page.totalResults()))
                .put("startIndex", IntegerValue.of(page.startIndex()))
                .put("itemsPerPage", IntegerValue.of(items.size()))
                .put(name, new MultiValue(items))
                .build();
    }

    /** A time as an ISO-8601 string, or JSON {@code null}. */
    private static Value time(Optional<Instant> t) {
        return t.<Value>map(i -> StringValue.of(i.toString())).orElse(NullValue.INSTANCE);
    }

    private static Value time(Instant t) {
        return StringValue.of(t.toString());
    }

    private static Response json(Response.ResponseBuilder builder, ComplexValue body) {
        return builder.entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
    }
}
