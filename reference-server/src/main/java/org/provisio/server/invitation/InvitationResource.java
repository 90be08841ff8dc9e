package org.provisio.server.invitation;

import org.provisio.server.http.Guarded;
import org.provisio.server.http.Realm;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.domain.usecase.InspectInvitation;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;

/**
 * The invitation link: {@code GET /invitations/{token}} shows a small page ("Join Acme" with an
 * Accept button) or says why the link no longer works; {@code POST /invitations/{token}/accept}
 * activates the pending user. A browser (asking for HTML) gets pages; an API client gets JSON:
 * 200, or 404 for an unknown token, 409 for a used one, 410 for an expired or revoked one.
 */
@Guarded(Realm.PUBLIC)
@Path("invitations")
public final class InvitationResource {
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private final Provisioning provisioning;

    public InvitationResource(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        InspectInvitation.Outcome outcome = provisioning.inspectInvitation().inspect(token);
        if (outcome instanceof InspectInvitation.Open open) {
            return html(200, InvitationPages.join(token, open));
        }
        InspectInvitation.Reason reason = ((InspectInvitation.Closed) outcome).reason();
        return html(status(reason), InvitationPages.closed(reason));
    }

    /** The Accept button of the page posts here: the answer is a page. */
    @POST
    @Path("{token}/accept")
    @Produces("text/html;qs=0.5")
    public Response acceptFromBrowser(@PathParam("token") String token) {
        AcceptInvitation.Outcome outcome = provisioning.acceptInvitation().accept(token);
        if (outcome instanceof AcceptInvitation.Accepted a) {
            return html(200, InvitationPages.welcome(a.user().user().userName().value()));
        }
        InspectInvitation.Reason reason = reason(outcome);
        return html(status(reason), InvitationPages.closed(reason));
    }

    @POST
    @Path("{token}/accept")
    @Produces({MediaType.APPLICATION_JSON, "application/scim+json"})
    public Response accept(@PathParam("token") String token) {
        AcceptInvitation.Outcome outcome = provisioning.acceptInvitation().accept(token);
        if (outcome instanceof AcceptInvitation.Accepted a) {
            return Response.ok(ComplexValue.builder()
                            .put("status", "active")
                            .put("userId", a.user().user().id().value())
                            .put("userName", a.user().user().userName().value())
                            .build(), JSON).build();
        }
        InspectInvitation.Reason reason = reason(outcome);
        throw switch (reason) {
            case ALREADY_USED -> ScimException.of(ScimErrorType.CONFLICT, "This invitation has already been accepted");
            case EXPIRED -> ScimException.of(ScimErrorType.GONE,
                    "This invitation has expired; ask your administrator for a new one");
            case REVOKED -> ScimException.of(ScimErrorType.GONE,
                    "This invitation is no longer valid; ask your administrator for a new one");
            case UNKNOWN -> ScimException.notFound("No such invitation");
        };
    }

    /**
     * A page with the headers a page holding a secret in its URL needs: no caching, no referrer
     * (the token would leak to any link's target), no framing, nothing loaded from elsewhere.
     */
    private static Response html(int status, String page) {
        return Response.status(status).type(HTML).entity(page)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", InvitationPages.CONTENT_SECURITY_POLICY)
                .build();
    }

    private static InspectInvitation.Reason reason(AcceptInvitation.Outcome outcome) {
        if (outcome instanceof AcceptInvitation.AlreadyUsed) {
            return InspectInvitation.Reason.ALREADY_USED;
        }
        if (outcome instanceof AcceptInvitation.Expired) {
            return InspectInvitation.Reason.EXPIRED;
        }
        if (outcome instanceof AcceptInvitation.Revoked) {
            return InspectInvitation.Reason.REVOKED;
        }
        return InspectInvitation.Reason.UNKNOWN;
    }

    private static int status(InspectInvitation.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> 404;
            case ALREADY_USED -> 409;
            case EXPIRED, REVOKED -> 410;
        };
    }
}
