package org.provisio.server.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /console}: where the signed-in administrator starts, and signing out. */
@Guarded(Realm.CONSOLE)
@Path("console")
@Produces(Pages.HTML)
public final class HomeResource {
    private static final Logger LOG = LoggerFactory.getLogger("provisio.console");

    private final Web web;

    HomeResource(Web web) {
        this.web = web;
    }

    /** The operator starts at Organizations; an organization admin at the users of its organization. */
    @GET
    public Response home(@Context ContainerRequestContext request) {
        Administrator who = Web.session(request).administrator();
        if (who instanceof Administrator.OrganizationAdmin admin) {
            return Pages.seeOther(web.paths().users(admin.tenant().value()));
        }
        return Pages.seeOther(web.paths().organizations());
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        web.sessions.close(session);
        LOG.info("Console sign-out: {}", session.administrator().actor().describe());
        return Response.fromResponse(Pages.seeOther(web.paths().signIn()))
                .header("Set-Cookie", web.clearedSessionCookie()).build();
    }
}
