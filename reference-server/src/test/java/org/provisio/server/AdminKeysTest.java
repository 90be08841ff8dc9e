package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.scim.resource.ComplexValue;

/**
 * Organization admin keys: a key opens its own organization's part of the admin API, never another
 * organization's and never the operator's routes; it is shown once, listed without its secret and
 * revocable; every action taken with it is audited with the key that did it.
 */
class AdminKeysTest {
    private static ServerFixture fixture;
    private static String tenantB;
    private static String keyA;
    private static String keyAId;
    private static String keyB;
    private static String user;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
        tenantB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Beta\"}")).getText("id").orElseThrow();
        ComplexValue a = issue(fixture.tenantId, ServerFixture.ADMIN_TOKEN);
        keyA = a.getText("adminKey").orElseThrow();
        keyAId = a.getText("keyId").orElseThrow();
        keyB = issue(tenantB, ServerFixture.ADMIN_TOKEN).getText("adminKey").orElseThrow();
        user = TestUsers.id(TestUsers.create(fixture, "keyed@a.example", true));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ComplexValue issue(String tenant, String token) {
        HttpResponse<String> r = fixture.send("POST", "/admin/v1/tenants/" + tenant + "/admin-keys", token, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        return ServerFixture.json(r);
    }

    private static String a(String rest) {
        return "/admin/v1/tenants/" + fixture.tenantId + rest;
    }

    @Test
    void aKeyOpensItsOwnOrganization() {
        assertThat(fixture.send("GET", a(""), keyA, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", a("/users"), keyA, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", a("/users/" + user), keyA, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", a("/audit"), keyA, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", a("/credentials"), keyA, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", a("/outbox"), keyA, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("POST", a("/users/" + user + "/invitation"), keyA, null).statusCode()).isEqualTo(202);
    }

    @Test
    void aKeyOfOneOrganizationGetsNothingFromAnother() {
        String b = "/admin/v1/tenants/" + tenantB;
        for (String[] call : List.of(new String[] {"GET", b}, new String[] {"GET", b + "/users"},
                new String[] {"GET", b + "/audit"}, new String[] {"POST", b + "/credentials"},
                new String[] {"GET", b + "/credentials"}, new String[] {"POST", b + "/admin-keys"},
                new String[] {"GET", b + "/admin-keys"}, new String[] {"GET", b + "/outbox"},
                new String[] {"GET", b + "/users/" + user}, new String[] {"DELETE", b + "/users/" + user},
                new String[] {"PATCH", b}, new String[] {"GET", a("/users")})) {
            if (call[1].startsWith(a(""))) {
                assertError(fixture.send(call[0], call[1], keyB, null), 401, null);
            } else {
                assertError(fixture.send(call[0], call[1], keyA, call[0].equals("PATCH") ? "{\"profile\":\"strict\"}"
                        : null), 401, null);
            }
        }
        // and the user of A is still there
        assertThat(fixture.send("GET", a("/users/" + user), keyA, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOperatorsRoutesAreTheOperatorsAlone() {
        assertError(fixture.send("GET", "/admin/v1/tenants", keyA, null), 401, null);
        assertError(fixture.send("POST", "/admin/v1/tenants", keyA, "{\"name\":\"Evil\"}"), 401, null);
        assertError(fixture.send("GET", "/admin/v1/outbox", keyA, null), 401, null);
        // a SCIM secret is no admin key, and an admin key is no SCIM secret
        assertError(fixture.send("GET", a("/users"), fixture.secret, null), 401, null);
        assertError(fixture.send("GET", fixture.scim() + "/Users", keyA, null), 401, null);
    }

    @Test
    void aKeyIsListedWithoutItsSecretAndARevokedOneOpensNothing() {
        ComplexValue fresh = issue(fixture.tenantId, keyA);
        String secret = fresh.getText("adminKey").orElseThrow();
        assertThat(secret).startsWith("orgadmin_");
        HttpResponse<String> list = fixture.send("GET", a("/admin-keys"), keyA, null);
        assertThat(list.body()).doesNotContain(secret).contains(fresh.getText("keyId").orElseThrow());
        assertThat(fixture.send("GET", a("/users"), secret, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("DELETE", a("/admin-keys/" + fresh.getText("keyId").orElseThrow()), keyA, null)
                .statusCode()).isEqualTo(204);
        assertError(fixture.send("GET", a("/users"), secret, null), 401, null);
        assertThat(fixture.send("GET", a("/users"), keyA, null).statusCode()).isEqualTo(200);
    }

    @Test
    void whatAKeyDoesIsAuditedWithTheKey() {
        assertThat(fixture.send("POST", a("/credentials"), keyA, null).statusCode()).isEqualTo(201);
        HttpResponse<String> audit = fixture.send("GET", a("/audit?count=5"), keyA, null);
        assertThat(ServerFixture.json(audit).getMulti("entries").values()).anySatisfy(e -> {
            ComplexValue entry = (ComplexValue) e;
            assertThat(entry.getText("action")).hasValue("credential_issued");
            assertThat(entry.getText("actor")).hasValue("orgadmin:" + keyAId);
        });
    }

    @Test
    void anOrganizationSetsItsConformanceProfile() {
        HttpResponse<String> strict = fixture.send("PATCH", a(""), keyA, "{\"profile\":\"STRICT\"}");
        assertThat(strict.statusCode()).as(strict.body()).isEqualTo(200);
        assertThat(ServerFixture.json(strict).getText("profile")).hasValue("strict");
        assertThat(ServerFixture.json(fixture.send("GET", a(""), ServerFixture.ADMIN_TOKEN, null)).getText("profile"))
                .hasValue("strict");
        assertError(fixture.send("PATCH", a(""), keyA, "{\"profile\":\"loose\"}"), 400, "invalidValue");
        assertError(fixture.send("PATCH", a(""), keyA, "{}"), 400, "invalidValue");
        assertThat(fixture.send("PATCH", a(""), keyA, "{\"profile\":\"lenient\"}").statusCode()).isEqualTo(200);
    }
}
