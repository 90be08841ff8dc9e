package org.provisio.jaxrs.admin;

import java.util.function.Supplier;
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
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.ListCredentials;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.RevokeCredential;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.Refusals;

/**
 * {@code /admin/v1/tenants/{tenantId}/credentials}: issue a SCIM credential (the secret is in the
 * answer and nowhere else), list them (metadata only) and revoke one.
 */
@Guarded(Realm.ADMIN)
@Path("admin/v1/tenants/{tenantId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
public final class CredentialsResource {
    /** The use cases this resource calls. */
    public record UseCases(ListTenants tenants, IssueCredential issue, ListCredentials list, RevokeCredential revoke) {
    }

    private final UseCases credentials;
    private final Supplier<String> publicUrl;

    public CredentialsResource(UseCases credentials, Supplier<String> publicUrl) {
        this.credentials = credentials;
        this.publicUrl = publicUrl;
    }

    @POST
    public Response issue(@PathParam("tenantId") String tenantId, @Context ContainerRequestContext request) {
        TenantId tenant = AdminRequests.tenant(credentials.tenants(), tenantId).id();
        IssuedCredential issued = credentials.issue().issue(new IssueCredential.Command(tenant,
                AccessFilter.actor(request))).orElseThrow(Refusals::toScim);
        return Response.created(URI.create(publicUrl.get() + "/admin/v1/tenants/" + tenant.value() + "/credentials"))
                .entity(new AdminJson.IssuedCredential(issued.tokenId().value(),
                        publicUrl.get() + "/scim/v2/" + tenant.value(), issued.secretToken()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    public AdminJson.Credentials list(@PathParam("tenantId") String tenantId) {
        TenantId tenant = AdminRequests.tenant(credentials.tenants(), tenantId).id();
        return new AdminJson.Credentials(credentials.list().list(tenant).stream()
                .map(AdminJson.Credential::of).toList());
    }

    @DELETE
    @Path("{tokenId}")
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId,
                           @Context ContainerRequestContext request) {
        TenantId tenant = AdminRequests.tenant(credentials.tenants(), tenantId).id();
        TokenId token = AdminRequests.parse(() -> TokenId.of(tokenId), "credential", tokenId);
        credentials.revoke().revoke(new RevokeCredential.Command(tenant, token, AccessFilter.actor(request)))
                .orElseThrow(Refusals::toScim);
        return Response.noContent().build();
    }
}
