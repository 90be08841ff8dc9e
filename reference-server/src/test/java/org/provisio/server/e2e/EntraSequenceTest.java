package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.server.ServerFixture;

/**
 * Microsoft Entra ID's documented request sequence for a SCIM endpoint ("Tutorial: Develop and
 * plan provisioning for a SCIM endpoint", user operations), over real HTTP against a started
 * server, in order: Test Connection, create with client-sent {@code meta} and empty
 * {@code roles}, get, get by {@code userName} and by work email, a zero-result query, PATCH of
 * multi-valued and single-valued attributes with a capitalised {@code op}, disable with
 * {@code "False"}, path-less replace with dotted and URN keys, delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntraSequenceTest {
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private ServerFixture server;
    private String id;
    private final String userName = "Test_User_" + UUID.randomUUID() + "@testuser.com";
    private final String email = "Test_User_" + UUID.randomUUID() + "@testuser.com";

    @BeforeAll
    void start() {
        server = ServerFixture.inMemory();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String filter(String f) {
        return "?filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8);
    }

    private static void assertScimJson(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    }

    @Test
    @Order(1)
    void testConnectionFindsNothingForARandomUserName() {
        HttpResponse<String> r = server.scim("GET", "/Users" + filter("userName eq \"" + UUID.randomUUID() + "\""), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertScimJson(r);
        ComplexValue list = ServerFixture.json(r);
        assertThat(list.getOrNull("totalResults")).isEqualTo(IntegerValue.of(0));
        assertThat(list.getMulti("Resources").size()).isZero();
    }

    @Test
    @Order(2)
    void testConnectionWithABadTokenIs401() {
        HttpResponse<String> r = server.send("GET", server.scim() + "/Users" + filter("userName eq \"x\""), "bad-token", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    @Order(3)
    void createUser() {
        HttpResponse<String> r = server.scim("POST", "/Users", "{"
                + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENT + "\"],"
                + "\"externalId\":\"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\","
                + "\"userName\":\"" + userName + "\",\"active\":true,"
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + email + "\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"givenName familyName\",\"familyName\":\"familyName\",\"givenName\":\"givenName\"},"
                + "\"roles\":[]}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertScimJson(r);
        ComplexValue user = ServerFixture.json(r);
        id = user.getText("id").orElseThrow();
        assertThat(r.headers().firstValue("Location")).hasValue(server.base + server.scim() + "/Users/" + id);
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(user.getText("userName")).hasValue(userName);
        assertThat(user.getText("externalId")).hasValue("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(user.getOrNull("active")).isEqualTo(BooleanValue.TRUE);
        ComplexValue meta = user.getComplex("meta").orElseThrow();
        assertThat(meta.getText("resourceType")).hasValue("User");
        assertThat(meta.getText("location")).hasValue(server.base + server.scim() + "/Users/" + id);
        assertThat(meta.getText("version")).hasValue("W/\"1\"");
        assertThat(meta.has("created")).isTrue();
    }

    @Test
    @Order(4)
    void getUser() {
        HttpResponse<String> r = server.scim("GET", "/Users/" + id, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).getText("userName")).hasValue(userName);
    }

    @Test
    @Order(5)
    void getUserByUserName() {
        HttpResponse<String> r = server.scim("GET", "/Users" + filter("userName eq \"" + userName.toUpperCase() + "\""), null);
        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue list = ServerFixture.json(r);
        assertThat(list.getOrNull("totalResults")).isEqualTo(IntegerValue.of(1));
        assertThat(((ComplexValue) list.getMulti("Resources").get(0)).getText("id")).hasValue(id);
    }

    @Test
    @Order(6)
    void getUserByWorkEmailAsEntraSendsIt() {
        HttpResponse<String> r = server.scim("GET", "/Users" + filter("emails[type eq \"work\"].value eq \"" + email + "\""), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).getOrNull("totalResults")).isEqualTo(IntegerValue.of(1));
    }

    @Test
    @Order(7)
    void getUserByQueryZeroResults() {
        HttpResponse<String> r = server.scim("GET", "/Users" + filter("userName eq \"non-existent user\""), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).getOrNull("totalResults")).isEqualTo(IntegerValue.of(0));
    }

    @Test
    @Order(8)
    void updateMultiValuedProperties() {
        HttpResponse<String> r = server.scim("PATCH", "/Users/" + id, "{"
                + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updatedEmail@microsoft.com\"},"
                + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"updatedFamilyName\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue user = ServerFixture.json(r);
        assertThat(((ComplexValue) user.getMulti("emails").get(0)).getText("value")).hasValue("updatedEmail@microsoft.com");
        assertThat(user.getComplex("name").orElseThrow().getText("familyName")).hasValue("updatedFamilyName");
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"2\"");
    }

    @Test
    @Order(9)
    void updateSingleValuedProperty() {
        String renamed = UUID.randomUUID() + "@testuser.com";
        HttpResponse<String> r = server.scim("PATCH", "/Users/" + id, "{"
                + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + renamed + "\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).getText("userName")).hasValue(renamed);
    }

    @Test
    @Order(10)
    void pathlessReplaceWithDottedAndUrnKeys() {
        HttpResponse<String> r = server.scim("PATCH", "/Users/" + id, "{"
                + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Kim\",\"" + ENT + ":employeeNumber\":\"7\"}},"
                + "{\"op\":\"Add\",\"path\":\"" + ENT + ":manager\",\"value\":\"26118915-6090-4610-87a4-49d0767148f0\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue user = ServerFixture.json(r);
        assertThat(user.getComplex("name").orElseThrow().getText("givenName")).hasValue("Kim");
        ComplexValue enterprise = user.getComplex(ENT).orElseThrow();
        assertThat(enterprise.getText("employeeNumber")).hasValue("7");
        assertThat(enterprise.getComplex("manager").orElseThrow().getText("value"))
                .hasValue("26118915-6090-4610-87a4-49d0767148f0");
        assertThat(user.getMulti("schemas").values()).extracting(v -> v.asText()).contains(ENT);
    }

    @Test
    @Order(11)
    void disableUserWithStringFalse() {
        HttpResponse<String> r = server.scim("PATCH", "/Users/" + id, "{"
                + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).getOrNull("active")).isEqualTo(BooleanValue.FALSE);
        // a soft delete: still there, active:false, and its status is suspended with a purge date
        HttpResponse<String> get = server.scim("GET", "/Users/" + id, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(get).getOrNull("active")).isEqualTo(BooleanValue.FALSE);
        ComplexValue admin = ServerFixture.json(server.send("GET", "/admin/v1/tenants/" + server.tenantId + "/users/" + id,
                ServerFixture.ADMIN_TOKEN, null));
        assertThat(admin.getText("status")).hasValue("suspended");
        assertThat(admin.getOrNull("purgeAt")).isInstanceOf(StringValue.class);
    }

    @Test
    @Order(12)
    void deleteUser() {
        assertThat(server.scim("DELETE", "/Users/" + id, null).statusCode()).isEqualTo(204);
        assertThat(server.scim("GET", "/Users/" + id, null).statusCode()).isEqualTo(404);
    }
}
