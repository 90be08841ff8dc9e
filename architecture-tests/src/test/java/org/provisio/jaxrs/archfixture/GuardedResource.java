package org.provisio.jaxrs.archfixture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/** A resource that names its realm: {@code EVERY_RESOURCE_IS_GUARDED} must let it pass. */
@Guarded(Realm.SCIM)
@Path("guarded")
public class GuardedResource {
    @GET
    public String get() {
        return "";
    }
}
