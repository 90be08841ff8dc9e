package com.example.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.InvitationEmail;

/**
 * The example product driven as an identity provider drives it — SCIM over HTTP with Java's default
 * HttpClient (which offers h2c) — asserting on the product's own accounts table.
 */
class EmbeddedProductTest {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InvitationEmail> mails = new CopyOnWriteArrayList<>();
    private EmbeddedProduct product;
    private EmbeddedProduct.Connection acme;

    private void start(Duration retention, Duration purgeInterval) {
        product = EmbeddedProduct.start(new EmbeddedProduct.Settings(0,
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", retention, purgeInterval, mails::add));
        acme = product.connectOrganization("Acme");
    }

    @AfterEach
    void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void theAccountFollowsTheIdentityProvider() throws Exception {
        start(Duration.ofDays(30), Duration.ofHours(1));

        String id = createUser("kim@example.com", true);
        Accounts.Account created = await(() -> product.accounts().find(id));
        assertThat(created.userName()).isEqualTo("kim@example.com");
        assertThat(created.locked()).isFalse();

        // the person accepts the emailed invitation: activated
        InvitationEmail mail = await(() -> mails.stream().findFirst());
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(
                        URI.create(product.publicUrl() + "/invitations/" + mail.token() + "/accept"))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        await(() -> product.accounts().find(id).filter(a -> a.changedAt().isAfter(created.changedAt())));

        // unassigned in Entra: suspended, the account is locked but kept
        patchActive(id, "\"False\"");
        await(() -> product.accounts().find(id).filter(Accounts.Account::locked));

        // assigned again within the retention period: restored, unlocked
        patchActive(id, "true");
        await(() -> product.accounts().find(id).filter(a -> !a.locked()));
        assertThat(send(HttpRequest.newBuilder(URI.create(product.publicUrl() + "/accounts")).GET()).body())
                .as("the product's own endpoint, beside Provisio's").isEqualTo("kim@example.com open");

        // deleted from the tenant for good: the account goes at once
        assertThat(send(scim("/Users/" + id).DELETE()).statusCode()).isEqualTo(204);
        await(() -> product.accounts().find(id).isEmpty() ? Optional.of(true) : Optional.empty());
    }

    @Test
    void theRetentionPurgeDeletesASuspendedPersonsAccount() throws Exception {
        start(Duration.ofSeconds(1), Duration.ofMillis(200));

        String id = createUser("lee@example.com", true);
        await(() -> product.accounts().find(id));
        Instant suspended = Instant.now();
        patchActive(id, "false");

        // (the purge may come before the suspension's event is delivered: a purge erases the person's
        // undelivered messages, and its own event tells the product to delete the account)
        await(() -> product.accounts().find(id).isEmpty() ? Optional.of(true) : Optional.empty());
        assertThat(Duration.between(suspended, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(send(scim("/Users/" + id).GET()).statusCode()).as("purged for good").isEqualTo(404);
    }

    @Test
    void aPersonProvisionedInactiveGetsALockedAccount() throws Exception {
        start(Duration.ofDays(30), Duration.ofHours(1));

        String id = createUser("ola@example.com", false);
        assertThat(await(() -> product.accounts().find(id)).locked()).isTrue();
        assertThat(mails).as("no invitation for an inactive person").isEmpty();
    }

    private String createUser(String userName, boolean active) throws Exception {
        HttpResponse<String> r = send(scim("/Users").header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":%s,
                         "emails":[{"type":"work","primary":true,"value":"%s"}]}""".formatted(userName, active, userName))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = ID.matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void patchActive(String id, String value) throws Exception {
        HttpResponse<String> r = send(scim("/Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"Replace","path":"active","value":%s}]}""".formatted(value))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private HttpRequest.Builder scim(String path) {
        return HttpRequest.newBuilder(URI.create(acme.tenantUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + acme.secretToken());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Provisio delivers events from its outbox a moment after the change: wait for the outcome. */
    private static <T> T await(Supplier<Optional<T>> outcome) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Optional<T> value = outcome.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
