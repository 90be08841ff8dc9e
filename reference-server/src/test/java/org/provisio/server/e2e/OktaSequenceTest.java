package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.provisio.server.ServerFixture;

/**
 * Okta's SCIM 2.0 user sequence over real HTTP: a paged list, lookup by {@code userName},
 * create with a password that is never returned, 409 on re-create, full PUT with
 * {@code active:false}, and the path-less {@code {"op":"replace","value":{"active":...}}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OktaSequenceTest {
    private static final String PASSWORD = "t1meMa$heen";
    private ServerFixture server;
    private String id;

    @BeforeAll
    void start() {
        server = ServerFixture.inMemory();
        for (int i = 0; i < 3; i++) {
            server.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"existing" + i + "@example.com\"}");
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String body(boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"isabella.c@example.com\","
                + "\"name\":{\"givenName\":\"Isabella\",\"familyName\":\"Carter\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"isabella.c@example.com\",\"type\":\"work\"}],"
                + "\"displayName\":\"Isabella Carter\",\"locale\":\"en-US\",\"externalId\":\"00ujl29u0le5T6Aj10h7\","
                + "\"groups\":[],\"password\":\"" + PASSWORD + "\",\"active\":" + active + "}";
    }

    @Test
    @Order(1)
    void pagedList() {
        HttpResponse<String> r = server.scim("GET", "/Users?startIndex=1&count=2", null);
        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue page = ServerFixture.json(r);
        assertThat(page.getOrNull("totalResults")).isEqualTo(IntegerValue.of(3));
        assertThat(page.getOrNull("itemsPerPage")).isEqualTo(IntegerValue.of(2));
        assertThat(page.getOrNull("startIndex")).isEqualTo(IntegerValue.of(1));
        ComplexValue second = ServerFixture.json(server.scim("GET", "/Users?startIndex=3&count=2", null));
        assertThat(second.getOrNull("itemsPerPage")).isEqualTo(IntegerValue.of(1));
    }

    @Test
    @Order(2)
    void lookupBeforeCreateFindsNothing() {
        HttpResponse<String> r = server.scim("GET", "/Users?filter="
                + URLEncoder.encode("userName eq \"isabella.c@example.com\"", StandardCharsets.UTF_8)
                + "&startIndex=1&count=100", null);
        assertThat(ServerFixture.json(r).getOrNull("totalResults")).isEqualTo(IntegerValue.of(0));
    }

    @Test
    @Order(3)
    void createWithAPasswordThatIsNeverReturned() {
        HttpResponse<String> r = server.scim("POST", "/Users", body(true));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(PASSWORD).doesNotContain("password");
        id = ServerFixture.json(r).getText("id").orElseThrow();
        HttpResponse<String> get = server.scim("GET", "/Users/" + id + "?attributes=password,userName", null);
        assertThat(get.body()).doesNotContain(PASSWORD).doesNotContain("password");
    }

    @Test
    @Order(4)
    void recreateIsAConflict() {
        HttpResponse<String> r = server.scim("POST", "/Users", body(true).replace("isabella.c@example.com\",\"name",
                "ISABELLA.C@example.com\",\"name"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(ServerFixture.json(r).getText("scimType")).hasValue("uniqueness");
    }

    @Test
    @Order(5)
    void fullPutWithActiveFalseSuspends() {
        HttpResponse<String> r = server.scim("PUT", "/Users/" + id, body(false).replace("Isabella Carter", "Isabella C."));
        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue user = ServerFixture.json(r);
        assertThat(user.getOrNull("active")).isEqualTo(BooleanValue.FALSE);
        assertThat(user.getText("displayName")).hasValue("Isabella C.");
        assertThat(r.body()).doesNotContain(PASSWORD);
    }

    @Test
    @Order(6)
    void pathlessReplaceOfActiveRestores() {
        HttpResponse<String> r = server.scim("PATCH", "/Users/" + id, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true}}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).getOrNull("active")).isEqualTo(BooleanValue.TRUE);
        HttpResponse<String> off = server.scim("PATCH", "/Users/" + id, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertThat(ServerFixture.json(off).getOrNull("active")).isEqualTo(BooleanValue.FALSE);
    }
}
