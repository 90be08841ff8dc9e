package org.provisio.server;

import com.example.product.HelloResource;
import org.provisio.jaxrs.ProvisioFeature;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.service.Deliveries;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.scim.resource.ComplexValue;

/**
 * Provisio mounted in a product's own Jersey application beside the product's resources, as README.md's
 * "Embed with Jersey" describes (the README's code itself is compiled by the starter's ReadmeExamplesTest).
 */
public class EmbeddingTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theReadmeExample() throws Exception {
        String baseUrl = "http://127.0.0.1:" + freePort();

        // --- README: embedding ---
        Provisioning provisioning = Provisioning.builder(InMemoryStore.create()).build();
        ResourceConfig app = new ResourceConfig()
                .register(new HelloResource())
                .register(ProvisioFeature.builder(provisioning, baseUrl).build());
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create(baseUrl + "/"), app);

        Tenant tenant = provisioning.createTenant().create(new CreateTenant.Command("Acme", Actor.admin()));
        IssuedCredential credential = provisioning.issueCredential()
                .issue(new IssueCredential.Command(tenant.id(), Actor.admin())).orElseThrow(r -> new IllegalStateException(r.toString()));
        String tenantUrl = baseUrl + "/scim/v2/" + tenant.id().value();
        // give the identity provider tenantUrl and credential.secretToken()

        // invitation emails and lifecycle events leave through the durable outbox
        List<InvitationEmail> mails = new CopyOnWriteArrayList<>();
        List<LifecycleEvent> events = new CopyOnWriteArrayList<>();
        DispatchOutbox outbox = provisioning.dispatchOutbox(Deliveries.route(mails::add, List.of(events::add)));
        // call outbox.dispatchDue() periodically, e.g. from a ScheduledExecutorService
        // --- end ---

        try {
            HttpResponse<String> hello = send(HttpRequest.newBuilder(URI.create(baseUrl + "/hello")).GET());
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("hi");

            HttpResponse<String> productMiss = send(HttpRequest.newBuilder(URI.create(baseUrl + "/hello/nowhere")).GET());
            assertThat(productMiss.statusCode()).isEqualTo(404);
            assertThat(productMiss.body()).doesNotContain("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(productMiss.headers().firstValue("Content-Type").orElse(""))
                    .doesNotContain("application/scim+json");

            byte[] large = new byte[2 * 1_048_576];
            HttpResponse<String> upload = send(HttpRequest.newBuilder(URI.create(baseUrl + "/hello/upload"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(large)));
            assertThat(upload.statusCode()).as("the product's own endpoints keep their own limits").isEqualTo(200);
            assertThat(upload.body()).isEqualTo(Integer.toString(large.length));

            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(tenantUrl + "/Users"))
                    .header("Authorization", "Bearer " + credential.secretToken())
                    .header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestUsers.body("embedded@example.com", true))));
            assertThat(created.statusCode()).isEqualTo(201);
            String id = ServerFixture.json(created).getText("id").orElseThrow();
            assertThat(created.headers().firstValue("Location")).hasValue(tenantUrl + "/Users/" + id);
            ComplexValue user = ServerFixture.json(send(HttpRequest.newBuilder(URI.create(tenantUrl + "/Users/" + id))
                    .header("Authorization", "Bearer " + credential.secretToken()).GET()));
            assertThat(user.getText("userName")).hasValue("embedded@example.com");
            assertThat(provisioning.listUsersByStatus().find(tenant.id(),
                    org.provisio.domain.model.UserId.of(id))).isPresent();
            assertThat(outbox.dispatchDue()).isEqualTo(2);
            assertThat(mails).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("embedded@example.com"));
            assertThat(events).extracting(LifecycleEvent::type).containsExactly(LifecycleEvent.Type.PROVISIONED);

            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(tenantUrl + "/Users")).GET());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");

            for (String token : new String[]{credential.secretToken(), "anything"}) {
                HttpResponse<String> admin = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/v1/tenants"))
                        .header("Authorization", "Bearer " + token).GET());
                assertThat(admin.statusCode()).as("no admin API without an admin token").isEqualTo(404);
            }
        } finally {
            server.shutdownNow();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
