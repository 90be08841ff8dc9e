package org.provisio.jaxrs.admin;

import java.util.function.Supplier;
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
import org.provisio.domain.model.Tenant;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.scim.error.ScimException;

/** {@code /admin/v1/tenants}: create and list organizations, the operator's alone. */
@Guarded(Realm.OPERATOR)
@Path("admin/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantsResource {
    private final CreateTenant create;
    private final ListTenants tenants;
    private final Supplier<String> publicUrl;

    public TenantsResource(CreateTenant create, ListTenants tenants, Supplier<String> publicUrl) {
        this.create = create;
        this.tenants = tenants;
        this.publicUrl = publicUrl;
    }

    @POST
    public Response create(AdminJson.CreateTenant body, @Context ContainerRequestContext request) {
        if (body == null) {
            throw ScimException.invalidSyntax("The request needs a JSON body such as {\"name\":\"Acme\"}");
        }
        if (body.name() == null) {
            throw ScimException.invalidValue("\"name\" is required and must not be blank");
        }
        Tenant tenant = create.create(new CreateTenant.Command(body.name(), AccessFilter.actor(request)));
        return Response.created(URI.create(publicUrl.get() + "/admin/v1/tenants/" + tenant.id().value()))
                .entity(AdminJson.TenantBody.of(tenant)).build();
    }

    @GET
    public AdminJson.Tenants list() {
        return new AdminJson.Tenants(tenants.list().stream().map(AdminJson.TenantBody::of).toList());
    }

}
