package org.provisio.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.server.ServerFixture;

/**
 * Settings &gt; Conformance over plain HTTP: the organization's profile, shown and changed with a form that
 * carries the session's CSRF token, and the client-deviation report, which shows what SCIM requests departed
 * from the RFCs — by kind, with its rule and a redacted example — and never a value they sent.
 */
class ConformanceConsoleTest {
    private ServerFixture server;
    private String page;

    @BeforeEach
    void start() {
        server = ServerFixture.inMemory();
        page = "/console/organizations/" + server.tenantId + "/settings/conformance";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String profile() {
        return ServerFixture.json(server.send("GET", "/admin/v1/tenants/" + server.tenantId, ServerFixture.ADMIN_TOKEN,
                null)).getText("profile").orElseThrow();
    }

    @Test
    void thePageShowsTheProfileAndTheDeviationsToleratedAndRefused() {
        ConsoleHttp operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        HttpResponse<String> empty = operator.get(page);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Conformance profile").contains("No deviations yet")
                .containsPattern("value=\"lenient\" checked").doesNotContainPattern("value=\"strict\" checked");

        String secretName = "kim.secret@example.com";
        HttpResponse<String> created = server.scim("POST", "/Users", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + secretName
                + "\",\"active\":\"True\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(server.scim("GET", "/Users?filter=userName%20eq", null).statusCode()).isEqualTo(400);

        String report = operator.get(page).body();
        assertThat(report).contains("boolean-as-string").contains("Tolerated").contains("RFC 7643 §2.3.2")
                .contains("POST /scim/v2/{tenantId}/Users (active)")
                .contains("invalidFilter").contains("Refused").contains("GET /scim/v2/{tenantId}/Users?filter")
                .doesNotContain(secretName).doesNotContain(server.secret);
    }

    @Test
    void theProfileIsSetWithTheFormAndAuditedAndAStrictTenantRefusesDeviations() {
        ConsoleHttp operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        operator.get(page);

        HttpResponse<String> strict = operator.post(page + "/profile", Map.of("profile", "strict"));
        assertThat(strict.statusCode()).isEqualTo(303);
        assertThat(strict.headers().firstValue("Location")).hasValue(page);
        assertThat(profile()).isEqualTo("strict");
        assertThat(operator.get(page).body()).contains("Strict profile").containsPattern("value=\"strict\" checked");
        HttpResponse<String> refused = server.scim("POST", "/Users", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"lee@example.com\",\"active\":\"True\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(refused).getText("scimType")).hasValue("invalidValue");

        HttpResponse<String> bogus = operator.post(page + "/profile", Map.of("profile", "loose"));
        assertThat(bogus.statusCode()).isEqualTo(303);
        assertThat(operator.get(page).body()).contains("Choose Lenient or Strict");
        assertThat(profile()).isEqualTo("strict");

        assertThat(operator.post(page + "/profile", Map.of("profile", "lenient")).statusCode()).isEqualTo(303);
        assertThat(profile()).isEqualTo("lenient");
        assertThat(server.send("GET", "/admin/v1/tenants/" + server.tenantId + "/audit", ServerFixture.ADMIN_TOKEN,
                null).body()).contains("profile strict").contains("profile lenient");
    }

    @Test
    void anOrganizationsAdministratorSeesAndSetsItsOwnProfile() {
        String key = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + server.tenantId + "/admin-keys",
                ServerFixture.ADMIN_TOKEN, null)).getText("adminKey").orElseThrow();
        ConsoleHttp admin = ConsoleHttp.signIn(server, key);
        assertThat(admin.get(page).statusCode()).isEqualTo(200);

        assertThat(admin.post(page + "/profile", Map.of("profile", "strict")).statusCode()).isEqualTo(303);
        assertThat(profile()).isEqualTo("strict");
    }
}
