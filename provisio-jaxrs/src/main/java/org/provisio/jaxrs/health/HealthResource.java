package org.provisio.jaxrs.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/**
 * The probes a load balancer or orchestrator polls, open to anyone ({@link Realm#HEALTH}):
 * {@code GET /health/live} answers {@code 200 {"status":"UP"}} while the process can answer at
 * all; {@code GET /health/ready} answers the same when the {@link Readiness} says so, else
 * {@code 503 {"status":"DOWN"}}. Nothing else is said — no version, no component, no error text —
 * and nothing is cached on the way.
 *
 * <pre>{@code
 * ProvisioFeature.builder(provisioning, publicUrl).register(new HealthResource(() -> store.isOpen()))
 * }</pre>
 */
@Path("health")
@Guarded(Realm.HEALTH)
public final class HealthResource {
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private final Readiness readiness;

    public HealthResource(Readiness readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    /** The process answers. */
    @GET
    @Path("live")
    public Response live() {
        return status(true);
    }

    /** The instance should be sent traffic. */
    @GET
    @Path("ready")
    public Response ready() {
        return status(readiness.isReady());
    }

    private static Response status(boolean up) {
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(up ? UP : DOWN)
                .build();
    }
}
