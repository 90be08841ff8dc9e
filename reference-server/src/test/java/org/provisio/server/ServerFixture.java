package org.provisio.server;

import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.grizzly.GrizzlyHardening;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.port.Store;
import org.provisio.domain.service.Provisioning;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.SchemaRegistry;
import org.provisio.jaxrs.health.HealthResource;
import org.provisio.server.console.Console;
import org.provisio.server.metrics.ServerMetrics;

/**
 * A real reference server on a free loopback port, over a store of the test's choosing, with a
 * tenant and a SCIM credential created through the admin API; and a small HTTP client for it.
 */
public final class ServerFixture implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** The bearer token of the fixture's {@code GET /metrics}. */
    public static final String METRICS_TOKEN = "test-metrics-token-0123456789";

    public final Store store;
    public final Provisioning provisioning;
    public final ProvisioServer server;
    public final String base;
    /** Java's default client, which offers an h2c upgrade on every first request (see IgnoreH2cUpgrade). */
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final String tenantId;
    public final String secret;
    /** The server's metrics, which the domain's jobs report to as well. */
    public final ServerMetrics metrics = new ServerMetrics(METRICS_TOKEN);

    private ServerFixture(Store store, Clock clock, long maxPayloadSize, SchemaRegistry schemas) {
        this(store, clock, maxPayloadSize, schemas, GrizzlyHardening.defaults().maxBodyBytes(maxPayloadSize), b -> { });
    }

    private ServerFixture(Store store, Clock clock, long maxPayloadSize, SchemaRegistry schemas,
                          GrizzlyHardening hardening, Consumer<Provisioning.Builder> settings) {
        this.store = store;
        Provisioning.Builder domain = Provisioning.builder(store).clock(clock).schemas(schemas)
                .jobObserver(metrics.jobs());
        settings.accept(domain);
        this.provisioning = domain.build();
        int port = freePort();
        this.base = "http://127.0.0.1:" + port;
        ProvisioFeature.Builder features = ProvisioFeature.builder(provisioning, base)
                .adminToken(ADMIN_TOKEN).maxPayloadSize(maxPayloadSize).standalone();
        Console.install(features, provisioning, ADMIN_TOKEN, () -> base, clock);
        features.register(new HealthResource(new ServerHealth(new DeferredStore(CompletableFuture.completedFuture(store)),
                Duration.ZERO)));
        metrics.install(features, provisioning.outboxStatus());
        ProvisioFeature feature = features.build();
        this.server = ProvisioServer.start(feature, "127.0.0.1", port, hardening);
        ComplexValue tenant = json(send("POST", "/admin/v1/tenants", ADMIN_TOKEN, "{\"name\":\"Acme\"}"));
        this.tenantId = tenant.getText("id").orElseThrow();
        ComplexValue credential = json(send("POST", "/admin/v1/tenants/" + tenantId + "/credentials", ADMIN_TOKEN, null));
        this.secret = credential.getText("secretToken").orElseThrow();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server over a fresh in-memory store and the system clock. */
    public static ServerFixture inMemory() {
        return new ServerFixture(InMemoryStore.create(), Clock.systemUTC(), 1_048_576, SchemaRegistry.defaults());
    }

    /** A server over a fresh in-memory store whose domain validates against {@code schemas}. */
    public static ServerFixture withSchemas(SchemaRegistry schemas) {
        return new ServerFixture(InMemoryStore.create(), Clock.systemUTC(), 1_048_576, schemas);
    }

    /** A server over a fresh in-memory store with the given Grizzly hardening. */
    public static ServerFixture hardened(GrizzlyHardening hardening) {
        return new ServerFixture(InMemoryStore.create(), Clock.systemUTC(), 1_048_576, SchemaRegistry.defaults(),
                hardening, b -> { });
    }

    /** A server over a fresh in-memory store whose domain is built with {@code settings} applied. */
    public static ServerFixture inMemory(Consumer<Provisioning.Builder> settings) {
        return new ServerFixture(InMemoryStore.create(), Clock.systemUTC(), 1_048_576, SchemaRegistry.defaults(),
                GrizzlyHardening.defaults(), settings);
    }

    public static ServerFixture with(Store store, Clock clock, long maxPayloadSize) {
        return new ServerFixture(store, clock, maxPayloadSize, SchemaRegistry.defaults());
    }

    /** The tenant's SCIM base path, e.g. {@code /scim/v2/<tenant>}. */
    public String scim() {
        return "/scim/v2/" + tenantId;
    }

    /** Sends a request; {@code token} may be null for none, {@code body} null for no body. */
    public HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SCIM request of the fixture's tenant, authenticated with its secret. */
    public HttpResponse<String> scim(String method, String relativePath, String body, String... headers) {
        return send(method, scim() + relativePath, secret, body, headers);
    }

    public static ComplexValue json(HttpResponse<String> response) {
        return ScimJson.readObject(response.body());
    }

    @Override
    public void close() {
        server.close();
        metrics.close();
    }
}
