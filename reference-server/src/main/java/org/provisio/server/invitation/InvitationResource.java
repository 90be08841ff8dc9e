package org.provisio.server.invitation;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;

/**
 * {@code POST /invitations/{token}/accept}: the invited person accepts, and their pending user
 * becomes active. Unknown tokens are a 404, used ones a 409, expired and revoked ones a 410 —
 * each with a detail that says which.
 */
@Path("invitations")
public final class InvitationResource {
    private final Provisioning provisioning;

    public InvitationResource(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @POST
    @Path("{token}/accept")
    public Response accept(@PathParam("token") String token) {
        AcceptInvitation.Outcome outcome = provisioning.acceptInvitation().accept(token);
        if (outcome instanceof AcceptInvitation.Accepted a) {
            return Response.ok(ComplexValue.builder()
                            .put("status", "active")
                            .put("userId", a.user().user().id().value())
                            .put("userName", a.user().user().userName().value())
                            .build(),
                    MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
        }
        if (outcome instanceof AcceptInvitation.AlreadyUsed) {
            throw ScimException.of(ScimErrorType.CONFLICT, "This invitation has already been accepted");
        }
        if (outcome instanceof AcceptInvitation.Expired e) {
            throw ScimException.of(ScimErrorType.GONE, "This invitation expired at " + e.expiredAt() + "; ask your administrator for a new one");
        }
        if (outcome instanceof AcceptInvitation.Revoked) {
            throw ScimException.of(ScimErrorType.GONE, "This invitation is no longer valid; ask your administrator for a new one");
        }
        throw ScimException.notFound("No such invitation");
    }
}
