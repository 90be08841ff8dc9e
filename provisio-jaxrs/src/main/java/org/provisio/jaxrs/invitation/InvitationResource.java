package org.provisio.jaxrs.invitation;

import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.UserView;
import org.provisio.jaxrs.http.Refusals;
import org.provisio.domain.usecase.InspectInvitation;
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

    private final InspectInvitation inspect;
    private final AcceptInvitation accept;

    public InvitationResource(InspectInvitation inspect, AcceptInvitation accept) {
        this.inspect = inspect;
        this.accept = accept;
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        return inspect.inspect(token).fold(
                open -> html(200, InvitationPages.join(token, open)),
                refusal -> closedPage(standing(refusal)));
    }

    /** The Accept button of the page posts here: the answer is a page. */
    @POST
    @Path("{token}/accept")
    @Produces("text/html;qs=0.5")
    public Response acceptFromBrowser(@PathParam("token") String token) {
        return accept.accept(token).fold(
                user -> html(200, InvitationPages.welcome(user.user().userName().value())),
                refusal -> closedPage(standing(refusal)));
    }

    @POST
    @Path("{token}/accept")
    @Produces({MediaType.APPLICATION_JSON, "application/scim+json"})
    public Response accept(@PathParam("token") String token) {
        UserView user = accept.accept(token).orElseThrow(Refusals::toScim);
        return Response.ok(ComplexValue.builder()
                .put("status", "active")
                .put("userId", user.user().id().value())
                .put("userName", user.user().userName().value())
                .build(), JSON).build();
    }

    /** Why the link is closed; the invitation use cases refuse only with {@code InvitationClosed}. */
    private static InvitationStanding standing(Refusal refusal) {
        return refusal instanceof Refusal.InvitationClosed closed ? closed.standing() : InvitationStanding.UNKNOWN;
    }

    private static Response closedPage(InvitationStanding standing) {
        return html(switch (standing) {
            case UNKNOWN, OPEN -> 404;
            case ALREADY_USED -> 409;
            case EXPIRED, REVOKED -> 410;
        }, InvitationPages.closed(standing));
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
}
