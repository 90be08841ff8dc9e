package org.provisio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.product.ProductApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.port.Store;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Spring Boot product with the starter, an H2 in-memory DataSource and a random port: the admin API
 * gives a tenant its credential, then Microsoft Entra ID's sequence runs over real HTTP — Test
 * connection, create, disable ({@code PATCH active "False"}), delete — and the product's own
 * LifecycleListener bean hears provisioned, suspended, hard_deleted ({@link ProvisioAutoConfigurationTest}
 * shows the jobs stopping with the context).
 */
@SpringBootTest(classes = ProductApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:product;DB_CLOSE_DELAY=-1",
                "provisio.admin-token=an-admin-token-of-the-operator",
                "provisio.jobs.dispatch-interval=PT0.1S"})
@DirtiesContext
class EntraSequenceTest {
    private static final String ADMIN = "an-admin-token-of-the-operator";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    Environment environment;
    @Autowired
    ProductApplication.Heard heard;
    @Autowired
    ProvisioJobsLifecycle jobs;
    @Autowired
    Store store;

    @Test
    void entraCreatesDisablesAndDeletesAUserOverHttp() throws Exception {
        String base = "http://localhost:" + environment.getProperty("local.server.port") + "/provisio";
        assertThat(store).as("the product's DataSource, through the JDBC store").isInstanceOf(JdbcStore.class);

        // the operator (or the product's settings page) creates the organization and its credential
        JsonNode tenant = json(send(request(base + "/admin/v1/tenants", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\"}"))), 201);
        String tenantId = tenant.get("id").asText();
        JsonNode credential = json(send(request(base + "/admin/v1/tenants/" + tenantId + "/credentials", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())), 201);
        String tenantUrl = credential.get("tenantUrl").asText();
        String secret = credential.get("secretToken").asText();
        assertThat(tenantUrl).as("the public URL names the bound port and the base path")
                .isEqualTo(base + "/scim/v2/" + tenantId);

        // Entra's Test connection: a random userName, an empty list; a bad token is a 401
        String filter = URLEncoder.encode("userName eq \"0a5c4f1e-7d2b-4c3a-9e8f-1b2c3d4e5f60\"", StandardCharsets.UTF_8);
        JsonNode empty = json(send(request(tenantUrl + "/Users?filter=" + filter, secret).GET()), 200);
        assertThat(empty.get("totalResults").asInt()).isZero();
        assertThat(send(request(tenantUrl + "/Users?filter=" + filter, "scim_wrong.token").GET()).statusCode())
                .isEqualTo(401);

        // create, as Entra sends it
        HttpResponse<String> created = send(request(tenantUrl + "/Users", secret)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                         "externalId":"kim","userName":"kim@example.com","active":true,"displayName":"Kim Lee",
                         "emails":[{"primary":true,"type":"work","value":"kim@example.com"}],
                         "meta":{"resourceType":"User"},"name":{"formatted":"Kim Lee","familyName":"Lee","givenName":"Kim"},
                         "roles":[]}""")));
        String id = json(created, 201).get("id").asText();
        assertThat(created.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
        assertThat(created.headers().firstValue("Location")).hasValue(tenantUrl + "/Users/" + id);
        // the jobs deliver the outbox to the product's beans: the invitation and the event
        await(() -> heard.events.size() == 1 && heard.mails.size() == 1);
        assertThat(heard.mails).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("kim@example.com"));

        // disable: Entra sends the boolean as a string
        JsonNode disabled = json(send(request(tenantUrl + "/Users/" + id, secret)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"Replace","path":"active","value":"False"}]}"""))), 200);
        assertThat(disabled.get("active").asBoolean()).isFalse();
        // (a hard delete erases the user's undelivered messages: wait, as Entra's days between the two do)
        await(() -> heard.events.size() == 2);

        // delete for good
        assertThat(send(request(tenantUrl + "/Users/" + id, secret).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(request(tenantUrl + "/Users/" + id, secret).GET()).statusCode()).isEqualTo(404);

        await(() -> heard.events.size() == 3);
        assertThat(heard.events).extracting(LifecycleEvent::type).containsExactly(
                LifecycleEvent.Type.PROVISIONED, LifecycleEvent.Type.SUSPENDED, LifecycleEvent.Type.HARD_DELETED);
        assertThat(heard.events).allSatisfy(e -> assertThat(e.userId().value()).isEqualTo(id));

        assertThat(jobs.isRunning()).isTrue();
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
