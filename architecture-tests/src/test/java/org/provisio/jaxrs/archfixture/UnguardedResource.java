package org.provisio.jaxrs.archfixture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource that names no realm: {@code EVERY_RESOURCE_IS_GUARDED} must flag it. */
@Path("unguarded")
public class UnguardedResource {
    @GET
    public String get() {
        return "";
    }
}
