package org.provisio.jaxrs.scim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.port.Store;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;

/**
 * Provisio's JAX-RS surface on Jersey and Grizzly, on a free loopback port, over a store of the
 * test's choosing, with two tenants and a SCIM credential each; and a small HTTP client for it.
 */
final class ScimTestServer implements AutoCloseable {
    final Store store;
    final Provisioning provisioning;
    final String base;
    final TenantAccess a;
    final TenantAccess b;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A tenant's id and secret token. */
    record TenantAccess(String id, String secret) {
    }

    private ScimTestServer(Store store, UnaryOperator<ProvisioFeature.Builder> config) {
        this.store = store;
        this.provisioning = Provisioning.builder(store).build();
        this.base = "http://127.0.0.1:" + freePort();
        ProvisioFeature feature = config.apply(ProvisioFeature.builder(provisioning, base).standalone()).build();
        this.server = GrizzlyHttpServerFactory.createHttpServer(URI.create(base + "/"),
                new ResourceConfig().register(feature));
        this.a = tenant("Acme");
        this.b = tenant("Beta");
    }

    static ScimTestServer inMemory() {
        return new ScimTestServer(InMemoryStore.create(), UnaryOperator.identity());
    }

    static ScimTestServer inMemory(UnaryOperator<ProvisioFeature.Builder> config) {
        return new ScimTestServer(InMemoryStore.create(), config);
    }

    static ScimTestServer over(Store store) {
        return new ScimTestServer(store, UnaryOperator.identity());
    }

    private TenantAccess tenant(String name) {
        Tenant tenant = provisioning.createTenant().create(new CreateTenant.Command(name, Actor.admin()));
        String secret = provisioning.issueCredential().issue(new IssueCredential.Command(tenant.id(), Actor.admin()))
                .orElseThrow(r -> new IllegalStateException(r.toString())).secretToken();
        return new TenantAccess(tenant.id().value(), secret);
    }

    /** A SCIM request of tenant A, e.g. {@code scim("POST", "/Bulk", body)}. */
    HttpResponse<String> scim(String method, String relativePath, String body, String... headers) {
        return scim(a, method, relativePath, body, headers);
    }

    /** A SCIM request of a tenant with its own token. */
    HttpResponse<String> scim(TenantAccess tenant, String method, String relativePath, String body, String... headers) {
        return send(method, "/scim/v2/" + tenant.id() + relativePath, tenant.secret(), body, headers);
    }

    /** Any request; {@code token} null for none, {@code body} null for none. */
    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            r.header("Content-Type", "application/scim+json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ComplexValue json(HttpResponse<String> response) {
        return ScimJson.readObject(response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
