package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;

/**
 * The admin API's side of personal data: the export of one person (everything held, nothing of
 * anyone else, no secret, not cached), and an audit log that no longer names a hard-deleted person.
 */
class PersonalDataTest {
    private static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String admin(String rest) {
        return "/admin/v1/tenants/" + fixture.tenantId + rest;
    }

    private static String create(String userName, String phone) {
        HttpResponse<String> r = fixture.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":true,\"name\":{\"familyName\":\"Fam-" + userName + "\"},"
                + "\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true}],"
                + "\"phoneNumbers\":[{\"value\":\"" + phone + "\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ServerFixture.json(r).getText("id").orElseThrow();
    }

    @Test
    void theExportHoldsEverythingOnThePersonAndNothingOfAnother() {
        String ada = create("ada.export@a.example", "+44 20 7946 0011");
        String bob = create("bob.export@a.example", "+44 20 7946 0022");
        HttpResponse<String> group = fixture.scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Exporters\",\"members\":[{\"value\":\"" + ada + "\"},{\"value\":\"" + bob + "\"}]}");
        assertThat(group.statusCode()).isEqualTo(201);

        HttpResponse<String> r = fixture.send("GET", admin("/users/" + ada + "/export"), ServerFixture.ADMIN_TOKEN, null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;").contains(ada));
        ComplexValue export = ServerFixture.json(r);
        ComplexValue user = (ComplexValue) export.get("user").orElseThrow();
        ComplexValue served = ServerFixture.json(fixture.scim("GET", "/Users/" + ada, null));
        for (String attribute : List.of("id", "userName", "name", "emails", "phoneNumbers", "groups", "active")) {
            assertThat(user.get(attribute)).as(attribute).isEqualTo(served.get(attribute));
        }
        assertThat(((ComplexValue) export.get("lifecycle").orElseThrow()).getText("status")).hasValue("pending");
        assertThat(export.getMulti("invitations").values()).hasSize(1);
        assertThat(export.getMulti("auditTrail").values()).extracting(e -> ((ComplexValue) e).getText("action").orElseThrow())
                .contains("user_provisioned", "invitation_issued");
        List<Value> messages = export.getMulti("undeliveredMessages").values();
        assertThat(messages).isNotEmpty();
        assertThat(r.body()).doesNotContain("\"token\"").doesNotContain("tokenHash");
        assertThat(r.body()).doesNotContain(bob).doesNotContain("bob.export").doesNotContain("0022");
    }

    @Test
    void anUnknownUserHasNoExportAndOnlyTheOperatorOrTheOrganizationMayAsk() {
        String cyd = create("cyd.export@a.example", "+44 20 7946 0033");

        assertError(fixture.send("GET", admin("/users/nobody/export"), ServerFixture.ADMIN_TOKEN, null), 404, null);
        assertError(fixture.send("GET", admin("/users/" + cyd + "/export"), null, null), 401, null);
        assertError(fixture.send("GET", admin("/users/" + cyd + "/export"), fixture.secret, null), 401, null);
    }

    @Test
    void afterAHardDeleteNothingServedNamesThePerson() {
        String dee = create("dee.erased@a.example", "+44 20 7946 0044");
        assertThat(fixture.scim("DELETE", "/Users/" + dee, null).statusCode()).isEqualTo(204);

        HttpResponse<String> audit = fixture.send("GET", admin("/audit?count=1000"), ServerFixture.ADMIN_TOKEN, null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain("dee.erased").doesNotContain(dee).contains("user_hard_deleted")
                .contains("user:erased-");
        assertError(fixture.send("GET", admin("/users/" + dee + "/export"), ServerFixture.ADMIN_TOKEN, null), 404, null);
        HttpResponse<String> outbox = fixture.send("GET", admin("/outbox"), ServerFixture.ADMIN_TOKEN, null);
        assertThat(outbox.body()).doesNotContain("dee.erased");
    }
}
