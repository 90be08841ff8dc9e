package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.Value;
import org.provisio.testkit.MutableClock;

/** The operator's admin API over HTTP (DESIGN.md, "Admin API essentials"). */
class AdminApiTest {
    private static final Instant T0 = Instant.parse("2030-03-01T09:00:00Z");
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private MutableClock clock;
    private ServerFixture fixture;
    private Inbox inbox;

    @BeforeEach
    void start() {
        clock = MutableClock.at(T0);
        fixture = ServerFixture.with(InMemoryStore.create(), clock, 1_048_576);
        inbox = new Inbox(fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return fixture.send(method, "/admin/v1/tenants" + path, ServerFixture.ADMIN_TOKEN, body);
    }

    private ComplexValue adminJson(String method, String path, String body, int status) {
        HttpResponse<String> r = admin(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return ServerFixture.json(r);
    }

    private String users() {
        return "/" + fixture.tenantId + "/users";
    }

    private static List<ComplexValue> list(ComplexValue page, String name) {
        return page.getMulti(name).values().stream().map(v -> (ComplexValue) v).toList();
    }

    private static List<String> ids(ComplexValue page) {
        return list(page, "users").stream().map(u -> u.getText("id").orElseThrow()).toList();
    }

    private void deactivate(String id) {
        HttpResponse<String> r = fixture.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private String activeUser(String userName) {
        String id = TestUsers.id(TestUsers.create(fixture, userName, true));
        String token = inbox.invitationToken(id).orElseThrow();
        assertThat(fixture.send("POST", "/invitations/" + token + "/accept", null, null).statusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void createsListsAndGetsTenants() {
        HttpResponse<String> created = admin("POST", "", "{\"name\":\"  Globex  \"}");
        assertThat(created.statusCode()).isEqualTo(201);
        ComplexValue tenant = ServerFixture.json(created);
        String id = tenant.getText("id").orElseThrow();
        assertThat(tenant.getText("name")).hasValue("Globex");
        assertThat(tenant.getText("createdAt")).hasValue(T0.toString());
        assertThat(created.headers().firstValue("Location")).hasValue(fixture.base + "/admin/v1/tenants/" + id);

        ComplexValue all = adminJson("GET", "", null, 200);
        assertThat(list(all, "tenants")).extracting(t -> t.getText("id").orElseThrow())
                .containsExactlyInAnyOrder(fixture.tenantId, id);
        assertThat(adminJson("GET", "/" + id, null, 200)).isEqualTo(tenant);
        assertError(admin("GET", "/00000000-0000-0000-0000-000000000000", null), 404, null);
        assertError(admin("GET", "/not-an-id", null), 404, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}", "{\"title\":\"Acme\"}",
            "{\"name\":\"" + "n201" + "\"}"})
    void refusesABadTenantName(String body) {
        String b = body.replace("n201", "x".repeat(201));
        assertError(admin("POST", "", b), 400, "invalidValue");
        assertThat(list(adminJson("GET", "", null, 200), "tenants")).hasSize(1);
    }

    @Test
    void refusesAMissingOrMalformedTenantBodyAndAcceptsTwoHundredCharacters() {
        assertError(admin("POST", "", null), 400, "invalidSyntax");
        assertError(admin("POST", "", "{\"name\":"), 400, "invalidSyntax");
        adminJson("POST", "", "{\"name\":\"" + "x".repeat(200) + "\"}", 201);
    }

    @Test
    void issuesListsAndRevokesCredentials() {
        String path = "/" + fixture.tenantId + "/credentials";
        ComplexValue issued = adminJson("POST", path, null, 201);
        String tokenId = issued.getText("tokenId").orElseThrow();
        String secret = issued.getText("secretToken").orElseThrow();
        assertThat(issued.getText("tenantUrl")).hasValue(fixture.base + "/scim/v2/" + fixture.tenantId);
        assertThat(fixture.send("GET", fixture.scim() + "/Users", secret, null).statusCode()).isEqualTo(200);

        HttpResponse<String> listed = admin("GET", path, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret, fixture.secret, secret.substring(secret.indexOf('.') + 1),
                "secretToken");
        List<ComplexValue> credentials = list(ServerFixture.json(listed), "credentials");
        assertThat(credentials).hasSize(2);
        ComplexValue mine = credentials.stream().filter(c -> c.getText("tokenId").orElseThrow().equals(tokenId))
                .findFirst().orElseThrow();
        assertThat(mine.getText("createdAt")).hasValue(T0.toString());
        assertThat(mine.getText("revoked")).hasValue("false");
        assertThat(mine.get("revokedAt")).containsInstanceOf(NullValue.class);

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> revoked = admin("DELETE", path + "/" + tokenId, null);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        assertError(fixture.send("GET", fixture.scim() + "/Users", secret, null), 401, null);
        assertThat(fixture.scim("GET", "/Users", null).statusCode()).isEqualTo(200);

        ComplexValue after = list(adminJson("GET", path, null, 200), "credentials").stream()
                .filter(c -> c.getText("tokenId").orElseThrow().equals(tokenId)).findFirst().orElseThrow();
        assertThat(after.getText("revoked")).hasValue("true");
        assertThat(after.getText("revokedAt")).hasValue(T0.plus(Duration.ofMinutes(5)).toString());

        assertError(admin("DELETE", path + "/00000000-0000-0000-0000-000000000000", null), 404, null);
        assertError(admin("DELETE", path + "/nonsense", null), 404, null);
        assertError(admin("POST", "/00000000-0000-0000-0000-000000000000/credentials", null), 404, null);
        assertError(admin("GET", "/00000000-0000-0000-0000-000000000000/credentials", null), 404, null);
    }

    @Test
    void aCredentialOfOneTenantCannotBeRevokedThroughAnother() {
        String other = adminJson("POST", "", "{\"name\":\"Other\"}", 201).getText("id").orElseThrow();
        String tokenId = list(adminJson("GET", "/" + fixture.tenantId + "/credentials", null, 200), "credentials")
                .get(0).getText("tokenId").orElseThrow();
        assertError(admin("DELETE", "/" + other + "/credentials/" + tokenId, null), 404, null);
        assertThat(fixture.scim("GET", "/Users", null).statusCode()).isEqualTo(200);
    }

    @Test
    void listsUsersByLifecycleStatusWithTheirPurgeDates() {
        String pending = TestUsers.id(TestUsers.create(fixture, "pending@example.com", true));
        clock.advance(Duration.ofHours(1));
        String suspended = TestUsers.id(TestUsers.create(fixture, "suspended@example.com", false));
        Instant suspendedAt = clock.instant();
        clock.advance(Duration.ofHours(1));
        String active = activeUser("active@example.com");
        clock.advance(Duration.ofHours(1));

        assertThat(ids(adminJson("GET", users() + "?status=pending", null, 200))).containsExactly(pending);
        assertThat(ids(adminJson("GET", users() + "?status=active", null, 200))).containsExactly(active);
        ComplexValue page = adminJson("GET", users() + "?status=suspended", null, 200);
        assertThat(ids(page)).containsExactly(suspended);
        assertThat(page.getText("totalResults")).hasValue("1");
        ComplexValue s = list(page, "users").get(0);
        assertThat(s.getText("userName")).hasValue("suspended@example.com");
        assertThat(s.getText("status")).hasValue("suspended");
        assertThat(s.getText("suspendedAt")).hasValue(suspendedAt.toString());
        assertThat(s.getText("purgeAt")).hasValue(suspendedAt.plus(Duration.ofDays(30)).toString());
        assertThat(ids(adminJson("GET", users() + "?status=SUSPENDED", null, 200))).containsExactly(suspended);
        assertThat(ids(adminJson("GET", users(), null, 200))).containsExactlyInAnyOrder(pending, suspended, active);

        ComplexValue p = adminJson("GET", users() + "/" + pending, null, 200);
        assertThat(p.getText("status")).hasValue("pending");
        assertThat(p.get("suspendedAt")).containsInstanceOf(NullValue.class);
        assertThat(p.get("purgeAt")).containsInstanceOf(NullValue.class);
        assertThat(adminJson("GET", users() + "/" + active, null, 200).getText("status")).hasValue("active");

        // the active user suspended later: its own suspension time and purge date
        deactivate(active);
        Instant activeSuspendedAt = clock.instant();
        ComplexValue a = adminJson("GET", users() + "/" + active, null, 200);
        assertThat(a.getText("status")).hasValue("suspended");
        assertThat(a.getText("suspendedAt")).hasValue(activeSuspendedAt.toString());
        assertThat(a.getText("purgeAt")).hasValue(activeSuspendedAt.plus(Duration.ofDays(30)).toString());
        assertThat(ids(adminJson("GET", users() + "?status=suspended", null, 200)))
                .containsExactlyInAnyOrder(suspended, active);
        assertThat(ids(adminJson("GET", users() + "?status=active", null, 200))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=deleted", "status=purged", "status=pending,active", "startIndex=0", "startIndex=-1",
            "startIndex=abc", "count=-1", "count=abc", "count=1001"})
    void refusesBadListParameters(String query) {
        assertError(admin("GET", users() + "?" + query, null), 400, "invalidValue");
    }

    @Test
    void pagesUsers() {
        for (int i = 0; i < 5; i++) {
            TestUsers.create(fixture, "user" + i + "@example.com", true);
        }
        List<String> all = ids(adminJson("GET", users() + "?status=pending", null, 200));
        assertThat(all).hasSize(5);

        ComplexValue first = adminJson("GET", users() + "?status=pending&startIndex=1&count=2", null, 200);
        assertThat(first.getText("totalResults")).hasValue("5");
        assertThat(first.getText("startIndex")).hasValue("1");
        assertThat(first.getText("itemsPerPage")).hasValue("2");
        assertThat(ids(first)).isEqualTo(all.subList(0, 2));
        assertThat(ids(adminJson("GET", users() + "?status=pending&startIndex=3&count=2", null, 200)))
                .isEqualTo(all.subList(2, 4));
        ComplexValue last = adminJson("GET", users() + "?status=pending&startIndex=5&count=2", null, 200);
        assertThat(ids(last)).isEqualTo(all.subList(4, 5));
        assertThat(last.getText("itemsPerPage")).hasValue("1");
        ComplexValue none = adminJson("GET", users() + "?status=pending&count=0", null, 200);
        assertThat(none.getText("totalResults")).hasValue("5");
        assertThat(ids(none)).isEmpty();
        assertThat(ids(adminJson("GET", users() + "?status=pending&startIndex=9", null, 200))).isEmpty();
    }

    @Test
    void getsOneUserOnlyInItsTenant() {
        String id = TestUsers.id(TestUsers.create(fixture, "one@example.com", true));
        ComplexValue user = adminJson("GET", users() + "/" + id, null, 200);
        assertThat(user.getText("id")).hasValue(id);
        assertThat(user.getText("userName")).hasValue("one@example.com");
        assertThat(user.getText("createdAt")).hasValue(T0.toString());
        assertThat(user.getText("lastModifiedAt")).hasValue(T0.toString());

        String other = adminJson("POST", "", "{\"name\":\"Other\"}", 201).getText("id").orElseThrow();
        assertError(admin("GET", "/" + other + "/users/" + id, null), 404, null);
        assertError(admin("GET", users() + "/00000000-0000-0000-0000-000000000000", null), 404, null);
        assertError(admin("GET", users() + "/x", null), 404, null);
        assertError(admin("GET", "/00000000-0000-0000-0000-000000000000/users", null), 404, null);
    }

    @Test
    void restoresASuspendedUserToItsPreviousState() {
        String active = activeUser("restore@example.com");
        clock.advance(Duration.ofDays(29));
        deactivate(active);
        assertThat(ServerFixture.json(fixture.scim("GET", "/Users/" + active, null)).getText("active")).hasValue("false");

        clock.advance(Duration.ofDays(29));
        ComplexValue restored = adminJson("POST", users() + "/" + active + "/restore", null, 200);
        assertThat(restored.getText("id")).hasValue(active);
        assertThat(restored.getText("status")).hasValue("active");
        assertThat(restored.get("suspendedAt")).containsInstanceOf(NullValue.class);
        assertThat(restored.get("purgeAt")).containsInstanceOf(NullValue.class);
        assertThat(ServerFixture.json(fixture.scim("GET", "/Users/" + active, null)).getText("active")).hasValue("true");

        assertError(admin("POST", users() + "/" + active + "/restore", null), 409, null);
        String pending = TestUsers.id(TestUsers.create(fixture, "still.pending@example.com", true));
        assertError(admin("POST", users() + "/" + pending + "/restore", null), 409, null);
        assertError(admin("POST", users() + "/00000000-0000-0000-0000-000000000000/restore", null), 404, null);
    }

    @Test
    void doesNotRestoreAfterTheRetentionPeriod() {
        String id = TestUsers.id(TestUsers.create(fixture, "late@example.com", false));
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertError(admin("POST", users() + "/" + id + "/restore", null), 409, null);
        assertThat(adminJson("GET", users() + "/" + id, null, 200).getText("status")).hasValue("suspended");
    }

    @Test
    void deletesAUserNow() {
        String id = TestUsers.id(TestUsers.create(fixture, "gone@example.com", false));
        HttpResponse<String> deleted = admin("DELETE", users() + "/" + id, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(fixture.scim("GET", "/Users/" + id, null), 404, null);
        assertError(admin("GET", users() + "/" + id, null), 404, null);
        assertError(admin("DELETE", users() + "/" + id, null), 404, null);
        assertThat(ids(adminJson("GET", users(), null, 200))).isEmpty();
        // the userName is free again
        TestUsers.create(fixture, "gone@example.com", true);
    }

    @Test
    void resendsAnInvitationAndRevokesTheOldOne() {
        String id = TestUsers.id(TestUsers.create(fixture, "invitee@example.com", true));
        String old = inbox.invitationToken(id).orElseThrow();

        clock.advance(Duration.ofDays(3));
        ComplexValue resent = adminJson("POST", users() + "/" + id + "/invitation", null, 202);
        assertThat(resent.getText("invitationId")).isPresent();
        assertThat(resent.getText("expiresAt")).hasValue(clock.instant().plus(Duration.ofDays(7)).toString());
        String fresh = inbox.invitationToken(id).orElseThrow();
        assertThat(fresh).isNotEqualTo(old);

        assertError(fixture.send("POST", "/invitations/" + old + "/accept", null, null), 410, null);
        HttpResponse<String> accepted = fixture.send("POST", "/invitations/" + fresh + "/accept", null, null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(accepted).getText("userId")).hasValue(id);

        assertError(admin("POST", users() + "/" + id + "/invitation", null), 409, null);
        assertError(admin("POST", users() + "/00000000-0000-0000-0000-000000000000/invitation", null), 404, null);
    }

    @Test
    void readsTheAuditLogNewestFirstInPages() {
        clock.advance(Duration.ofSeconds(1));
        String id = TestUsers.id(TestUsers.create(fixture, "audited@example.com", true));
        clock.advance(Duration.ofSeconds(1));
        deactivate(id);
        clock.advance(Duration.ofSeconds(1));
        assertThat(admin("DELETE", users() + "/" + id, null).statusCode()).isEqualTo(204);

        ComplexValue page = adminJson("GET", "/" + fixture.tenantId + "/audit", null, 200);
        List<ComplexValue> entries = list(page, "entries");
        assertThat(page.getText("totalResults")).hasValue(Integer.toString(entries.size()));
        assertThat(entries.size()).isGreaterThanOrEqualTo(6);
        List<String> actions = entries.stream().map(e -> e.getText("action").orElseThrow()).toList();
        assertThat(actions.get(0)).isEqualTo("user_hard_deleted");
        assertThat(actions).contains("user_provisioned", "invitation_issued", "user_suspended", "credential_issued");
        assertThat(actions.indexOf("user_hard_deleted")).isLessThan(actions.indexOf("user_suspended"));
        assertThat(actions.indexOf("user_suspended")).isLessThan(actions.indexOf("user_provisioned"));
        List<Instant> times = entries.stream().map(e -> Instant.parse(e.getText("at").orElseThrow())).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("entry %d", i).isBeforeOrEqualTo(times.get(i - 1));
        }
        assertThat(entries.get(0).getText("actor")).isPresent();
        assertThat(entries.get(0).getText("target")).isPresent();

        ComplexValue second = adminJson("GET", "/" + fixture.tenantId + "/audit?startIndex=3&count=2", null, 200);
        assertThat(second.getText("totalResults")).hasValue(Integer.toString(entries.size()));
        assertThat(second.getText("startIndex")).hasValue("3");
        assertThat(list(second, "entries")).isEqualTo(entries.subList(2, 4));
        assertThat(list(adminJson("GET", "/" + fixture.tenantId + "/audit?count=1", null, 200), "entries"))
                .isEqualTo(entries.subList(0, 1));
        assertError(admin("GET", "/" + fixture.tenantId + "/audit?count=abc", null), 400, "invalidValue");
        assertError(admin("GET", "/00000000-0000-0000-0000-000000000000/audit", null), 404, null);
    }

    @Test
    void theAuditLogOfOneTenantHoldsNothingOfAnother() {
        TestUsers.create(fixture, "mine@example.com", true);
        String other = adminJson("POST", "", "{\"name\":\"Other\"}", 201).getText("id").orElseThrow();
        List<Value> entries = adminJson("GET", "/" + other + "/audit", null, 200).getMulti("entries").values();
        assertThat(entries).extracting(e -> ((ComplexValue) e).getText("action").orElseThrow())
                .doesNotContain("user_provisioned", "credential_issued");
    }
}
