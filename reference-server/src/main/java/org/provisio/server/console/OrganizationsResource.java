package org.provisio.server.console;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.scim.error.ScimException;

/** {@code /console/organizations}: the operator's list of organizations, and creating one. */
@Guarded(Realm.CONSOLE)
@Path("console/organizations")
@Produces(Pages.HTML)
public final class OrganizationsResource {
    private final Web web;

    OrganizationsResource(Web web) {
        this.web = web;
    }

    @GET
    public Response list(@Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Web.operatorOnly(session);
        Paths paths = web.paths();
        return web.pages.page("organizations", new Views.OrganizationsPage(
                web.frame(session, "Organizations", Optional.empty(), "organizations"),
                web.provisioning.listTenants().list().stream().map(t -> new Views.OrganizationRow(t.name(),
                        t.id().value(), Format.when(t.createdAt()), Format.iso(t.createdAt()),
                        t.profile().name().toLowerCase(Locale.ROOT), paths.users(t.id().value()))).toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Web.operatorOnly(session);
        Tenant tenant;
        try {
            tenant = web.provisioning.createTenant().create(new CreateTenant.Command(name == null ? "" : name,
                    session.administrator().actor()));
        } catch (ScimException e) {
            return Web.done(session, Notice.error("Enter a name of 1 to " + CreateTenant.MAX_NAME + " characters."),
                    web.paths().organizations());
        }
        return Web.done(session, Notice.success("Organization \u201c" + tenant.name() + "\u201d created. Next: "
                        + "Settings \u203a User provisioning \u203a Get Credentials."),
                web.paths().provisioning(tenant.id().value()));
    }
}
