package org.provisio.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/** {@code GET /metrics}: every meter in Prometheus' text format, for the scraper's token ({@link Realm#METRICS}). */
@Path("metrics")
@Guarded(Realm.METRICS)
public final class MetricsResource {
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Response scrape() {
        return Response.ok(registry.scrape(), TEXT_FORMAT).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
