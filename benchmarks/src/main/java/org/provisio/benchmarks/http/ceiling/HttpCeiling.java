package org.provisio.benchmarks.http.ceiling;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The HTTP ceiling: bare Jersey on Grizzly answering {@code GET /scim/v2/{tenant}/Users/{id}} with
 * one fixed SCIM user, as {@code application/scim+json}. No store, no authentication, no SCIM
 * library: what the HTTP stack alone costs, so that the server's figures can be read as a ratio to
 * it. {@code java -jar http-ceiling.jar [port]} listens on {@code 127.0.0.1:port} (default 8080).
 */
public final class HttpCeiling {
    private HttpCeiling() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        ResourceConfig app = new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new Users());
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + port + "/"), app);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "http-ceiling-shutdown"));
        System.out.println("http-ceiling listening on 127.0.0.1:" + port);
        stopped.await();
    }

    /** One fixed user, whatever the tenant and id. */
    @Path("/scim/v2/{tenant}/Users")
    public static final class Users {
        /** A user shaped like the server's answer (core schema, emails, name, meta), of similar size. */
        static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"id\":\"2819c223-7f76-453a-919d-413861904646\","
                + "\"externalId\":\"bjensen\","
                + "\"userName\":\"bjensen@example.com\","
                + "\"name\":{\"formatted\":\"Ms. Barbara J Jensen III\",\"familyName\":\"Jensen\","
                + "\"givenName\":\"Barbara\"},"
                + "\"displayName\":\"Babs Jensen\","
                + "\"emails\":[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}],"
                + "\"active\":true,"
                + "\"groups\":[],"
                + "\"meta\":{\"resourceType\":\"User\",\"created\":\"2024-01-23T04:56:22Z\","
                + "\"lastModified\":\"2024-05-13T04:42:34Z\",\"version\":\"W/\\\"3\\\"\","
                + "\"location\":\"http://127.0.0.1:8080/scim/v2/acme/Users/2819c223-7f76-453a-919d-413861904646\"}}";

        @GET
        @Path("{id}")
        @Produces("application/scim+json")
        public String get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
            return USER;
        }
    }
}
