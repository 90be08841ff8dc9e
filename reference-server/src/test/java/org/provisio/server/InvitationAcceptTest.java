package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.testkit.MutableClock;

/** {@code POST /invitations/{token}/accept}: a pending user becomes active once; every other token is a clear 4xx. */
class InvitationAcceptTest {
    private MutableClock clock;
    private ServerFixture fixture;
    private Inbox inbox;

    @BeforeEach
    void start() {
        clock = MutableClock.at(Instant.parse("2030-06-01T12:00:00Z"));
        fixture = ServerFixture.with(InMemoryStore.create(), clock, 1_048_576);
        inbox = new Inbox(fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> accept(String token) {
        return fixture.send("POST", "/invitations/" + token + "/accept", null, null);
    }

    private String pendingUser(String userName) {
        ComplexValue user = TestUsers.create(fixture, userName, true);
        assertThat(user.getText("active")).hasValue("true");
        return TestUsers.id(user);
    }

    private String status(String id) {
        return ServerFixture.json(fixture.send("GET", "/admin/v1/tenants/" + fixture.tenantId + "/users/" + id,
                ServerFixture.ADMIN_TOKEN, null)).getText("status").orElseThrow();
    }

    /**
     * The token is in the page's URL: the page is not cached, not framed, sends no referrer, loads
     * nothing from elsewhere and runs no inline script; its form posts relative to itself, so that a
     * public URL with a path prefix keeps it.
     */
    @Test
    void theInvitationPagesCarryTheHeadersASecretInTheUrlNeeds() {
        String id = pendingUser("headers@example.com");
        String token = inbox.invitationToken(id).orElseThrow();
        String join = fixture.send("GET", "/invitations/" + token, null, null, "Accept", "text/html").body();
        assertThat(join).contains("action=\"" + token + "/accept\"").doesNotContain("action=\"/invitations/");
        for (HttpResponse<String> page : java.util.List.of(
                fixture.send("GET", "/invitations/" + token, null, null, "Accept", "text/html"),
                fixture.send("GET", "/invitations/unknown-token", null, null, "Accept", "text/html"),
                fixture.send("POST", "/invitations/" + token + "/accept", null, null, "Accept", "text/html"))) {
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline"));
        }
    }

    @Test
    void acceptingActivatesThePendingUserOnce() {
        String id = pendingUser("kim@example.com");
        String token = inbox.invitationToken(id).orElseThrow();
        assertThat(status(id)).isEqualTo("pending");

        HttpResponse<String> accepted = accept(token);
        assertThat(accepted.statusCode()).isEqualTo(200);
        ComplexValue body = ServerFixture.json(accepted);
        assertThat(body.getText("status")).hasValue("active");
        assertThat(body.getText("userId")).hasValue(id);
        assertThat(body.getText("userName")).hasValue("kim@example.com");
        assertThat(status(id)).isEqualTo("active");
        assertThat(ServerFixture.json(fixture.scim("GET", "/Users/" + id, null)).getText("active")).hasValue("true");

        assertError(accept(token), 409, null);
        assertThat(status(id)).isEqualTo("active");
    }

    @Test
    void anUnknownTokenIs404() {
        pendingUser("someone@example.com");
        assertError(accept("inv_doesnotexist"), 404, null);
        assertError(accept("x"), 404, null);
        assertError(accept("%20"), 404, null);
    }

    @Test
    void theTokenOfASuspendedPendingUserIsGone() {
        String id = pendingUser("left@example.com");
        String token = inbox.invitationToken(id).orElseThrow();
        HttpResponse<String> patched = fixture.scim("PATCH", "/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(patched.statusCode()).isEqualTo(200);

        assertError(accept(token), 410, null);
        assertThat(status(id)).isEqualTo("suspended");
        assertThat(ServerFixture.json(fixture.scim("GET", "/Users/" + id, null)).getText("active")).hasValue("false");
    }

    @Test
    void anExpiredTokenIsGoneAndOneJustInTimeWorks() {
        String late = pendingUser("late@example.com");
        String lateToken = inbox.invitationToken(late).orElseThrow();
        String onTime = pendingUser("ontime@example.com");
        String onTimeToken = inbox.invitationToken(onTime).orElseThrow();

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(accept(onTimeToken).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        assertError(accept(lateToken), 410, null);
        assertThat(status(late)).isEqualTo("pending");
    }

    @Test
    void theTokenIsNotAcceptedWithOtherMethods() {
        String id = pendingUser("method@example.com");
        String token = inbox.invitationToken(id).orElseThrow();
        assertError(fixture.send("GET", "/invitations/" + token + "/accept", null, null), 405, null);
        assertThat(status(id)).isEqualTo("pending");
    }
}
