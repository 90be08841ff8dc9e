package org.provisio.server.console;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.RevokeCredential;
import org.provisio.domain.usecase.UpdateTenant;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.scim.conformance.DeviationKind;

/**
 * {@code /console/organizations/{tenantId}/settings}: Settings &gt; User provisioning — Get
 * Credentials (the Tenant URL and the Secret Token to paste into Microsoft Entra ID, shown once:
 * the secret is in the answer to the POST and nowhere else, not even in the session), the
 * credentials with Revoke, and when the SCIM endpoint was last called; Settings &gt; Admin keys,
 * the organization admin keys with which an organization's administrators sign in; and Settings &gt;
 * Conformance, the organization's conformance profile (lenient or strict) and its client-deviation report.
 */
@Guarded(Realm.CONSOLE)
@Path("console/organizations/{tenantId}/settings")
@Produces(Pages.HTML)
public final class SettingsResource {
    private final Web web;

    SettingsResource(Web web) {
        this.web = web;
    }

    @GET
    public Response settings(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Tenant tenant = web.tenant(Web.session(request), tenantId);
        return Pages.seeOther(web.paths().provisioning(tenant.id().value()));
    }

    @GET
    @Path("provisioning")
    public Response provisioning(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        return provisioningPage(session, web.tenant(session, tenantId), Optional.empty());
    }

    /** Get Credentials: a new credential, whose secret this one answer shows. */
    @POST
    @Path("provisioning/credentials")
    public Response issue(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        return web.provisioning.issueCredential().issue(new IssueCredential.Command(tenant.id(),
                        session.administrator().actor()))
                .fold(issued -> provisioningPage(session, tenant, Optional.of(issued)),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)),
                                web.paths().provisioning(tenant.id().value())));
    }

    @POST
    @Path("provisioning/credentials/{tokenId}/revoke")
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId,
                           @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String back = web.paths().provisioning(tenant.id().value());
        return web.provisioning.revokeCredential().revoke(new RevokeCredential.Command(tenant.id(), tokenId(tokenId),
                        session.administrator().actor()))
                .fold(info -> Web.done(session, Notice.success("Credential " + Format.shortId(info.tokenId().value())
                                + " revoked: the identity provider can no longer call with it."), back),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), back));
    }

    @GET
    @Path("admin-keys")
    public Response adminKeys(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        return adminKeysPage(session, web.tenant(session, tenantId), Optional.empty());
    }

    @POST
    @Path("admin-keys")
    public Response issueAdminKey(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        return web.provisioning.adminKeys().issue(new AdminKeys.Command(tenant.id(), session.administrator().actor()))
                .fold(issued -> adminKeysPage(session, tenant, Optional.of(issued)),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)),
                                web.paths().adminKeys(tenant.id().value())));
    }

    @POST
    @Path("admin-keys/{keyId}/revoke")
    public Response revokeAdminKey(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId,
                                   @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String back = web.paths().adminKeys(tenant.id().value());
        return web.provisioning.adminKeys().revoke(new AdminKeys.Revoke(tenant.id(), tokenId(keyId),
                        session.administrator().actor()))
                .fold(info -> Web.done(session, Notice.success("Admin key " + Format.shortId(info.tokenId().value())
                                + " revoked: it no longer signs in, and its sessions have ended."), back),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), back));
    }

    @GET
    @Path("conformance")
    public Response conformance(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        List<Views.DeviationRow> rows = web.provisioning.readDeviations().report(tenant.id()).stream()
                .map(SettingsResource::row).toList();
        return web.pages.page(200, "conformance", new Views.ConformancePage(
                web.frame(session, "Conformance", Optional.of(tenant), "conformance"),
                tenant.profile() == ConformanceProfile.STRICT, web.paths().conformanceProfile(tenant.id().value()),
                rows));
    }

    /** Sets the organization's conformance profile: {@code lenient} or {@code strict}. */
    @POST
    @Path("conformance/profile")
    public Response profile(@PathParam("tenantId") String tenantId, @FormParam("profile") String profile,
                            @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String back = web.paths().conformance(tenant.id().value());
        Optional<ConformanceProfile> chosen = ConformanceProfile.fromKeyword(profile == null ? "" : profile.trim());
        if (chosen.isEmpty()) {
            return Web.done(session, Notice.error("Choose Lenient or Strict."), back);
        }
        return web.provisioning.updateTenant().update(new UpdateTenant.Command(tenant.id(), chosen.get(),
                        session.administrator().actor()))
                .fold(updated -> Web.done(session, Notice.success(updated.profile() == ConformanceProfile.STRICT
                                ? "Strict profile: SCIM requests that depart from the RFCs are now refused."
                                : "Lenient profile: what identity providers send is accepted again."), back),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), back));
    }

    private static Views.DeviationRow row(Deviation d) {
        DeviationKind kind = DeviationKind.byKey(d.kind());
        return new Views.DeviationRow(d.kind(), kind.description(), kind.rule(),
                d.outcome() == Deviation.Outcome.REFUSED, d.outcome() == Deviation.Outcome.REFUSED ? "Refused"
                : "Tolerated", d.count(), Format.when(d.firstSeen()), Format.when(d.lastSeen()), d.example());
    }

    private Response provisioningPage(Sessions.Session session, Tenant tenant, Optional<IssuedCredential> issued) {
        String t = tenant.id().value();
        String tenantUrl = web.publicUrl() + "/scim/v2/" + t;
        List<CredentialInfo> credentials = web.provisioning.listCredentials().list(tenant.id());
        Instant now = web.now();
        Optional<CredentialInfo> last = credentials.stream().filter(c -> c.lastUsedAt().isPresent())
                .max(Comparator.comparing(c -> c.lastUsedAt().get()));
        String lastCall = last.map(c -> Format.when(c.lastUsedAt().get()) + " (" + Format.ago(c.lastUsedAt().get(), now)
                + "), with credential " + Format.shortId(c.tokenId().value())).orElse("Never: no identity provider has "
                + "called yet.");
        Paths paths = web.paths();
        return web.pages.page(issued.isPresent() ? 201 : 200, "provisioning", new Views.ProvisioningPage(
                web.frame(session, "User provisioning", Optional.of(tenant), "provisioning"),
                issued.map(i -> new Views.Issued(tenantUrl, i.secretToken())), tenantUrl, lastCall,
                rows(credentials, now, id -> paths.revokeCredential(t, id)), paths.credentials(t)));
    }

    private Response adminKeysPage(Sessions.Session session, Tenant tenant, Optional<IssuedCredential> issued) {
        String t = tenant.id().value();
        Paths paths = web.paths();
        return web.pages.page(issued.isPresent() ? 201 : 200, "adminkeys", new Views.AdminKeysPage(
                web.frame(session, "Admin keys", Optional.of(tenant), "adminkeys"),
                issued.map(IssuedCredential::secretToken),
                rows(web.provisioning.adminKeys().list(tenant.id(), true), web.now(),
                        id -> paths.revokeAdminKey(t, id)),
                paths.adminKeys(t), web.publicUrl() + "/console/sign-in"));
    }

    private static List<Views.CredentialRow> rows(List<CredentialInfo> credentials, Instant now,
                                                  UnaryOperator<String> revokeUrl) {
        return credentials.stream().map(c -> new Views.CredentialRow(Format.shortId(c.tokenId().value()),
                Format.when(c.createdAt()),
                c.lastUsedAt().map(at -> Format.when(at) + " (" + Format.ago(at, now) + ")").orElse("Never"),
                c.revokedAt().map(at -> "Revoked " + Format.when(at)).orElse("Active"), c.revokedAt().isEmpty(),
                revokeUrl.apply(c.tokenId().value()))).toList();
    }

    private static TokenId tokenId(String text) {
        try {
            return TokenId.of(text);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.notFound("credential");
        }
    }
}
