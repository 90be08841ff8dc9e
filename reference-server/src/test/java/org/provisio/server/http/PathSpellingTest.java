package org.provisio.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.server.RawHttp;
import org.provisio.server.ServerFixture;
import org.provisio.server.TestUsers;
import org.provisio.scim.resource.ComplexValue;

/**
 * Authentication cannot be bypassed by spelling a path differently: every protected route, with
 * every verb it takes, is tried with matrix parameters in each segment, encoded semicolons and
 * slashes, doubled slashes, dot segments, upper-case segments, a trailing slash and
 * percent-encoded letters, with no token, another tenant's SCIM token and another tenant's admin
 * key. Each answer is 401 or
 * 404 (405 where the respelling names a route without that verb), never a 2xx, a 3xx or a 500 — and
 * nothing changed. The open health probes answer a respelling with UP or 404, and nothing more.
 */
class PathSpellingTest {
    private static final String GROUP = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
            + "\"displayName\":";
    private static ServerFixture fixture;
    private static String user;
    private static String group;
    private static String secretB;
    private static String adminKeyB;
    private static int tenantsBefore;

    record Route(String method, String path, String body) {
    }

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
        user = TestUsers.id(TestUsers.create(fixture, "spelling@a.example", true));
        group = ServerFixture.json(fixture.scim("POST", "/Groups", GROUP + "\"Spelling\"}"))
                .getText("id").orElseThrow();
        String tenantB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Beta\"}")).getText("id").orElseThrow();
        secretB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants/" + tenantB + "/credentials",
                ServerFixture.ADMIN_TOKEN, null)).getText("secretToken").orElseThrow();
        adminKeyB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants/" + tenantB + "/admin-keys",
                ServerFixture.ADMIN_TOKEN, null)).getText("adminKey").orElseThrow();
        tenantsBefore = tenants();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static int tenants() {
        return ServerFixture.json(fixture.send("GET", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN, null))
                .getMulti("tenants").size();
    }

    static List<Route> routes() {
        String t = "/admin/v1/tenants/" + fixture.tenantId;
        String s = "/scim/v2/" + fixture.tenantId;
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}";
        return List.of(
                new Route("GET", "/admin/v1/tenants", null),
                new Route("POST", "/admin/v1/tenants", "{\"name\":\"Evil\"}"),
                new Route("GET", "/admin/v1/outbox", null),
                new Route("GET", t, null),
                new Route("POST", t + "/credentials", null),
                new Route("GET", t + "/credentials", null),
                new Route("DELETE", t + "/credentials/abc", null),
                new Route("GET", t + "/users", null),
                new Route("GET", t + "/users/" + user, null),
                new Route("POST", t + "/users/" + user + "/restore", null),
                new Route("POST", t + "/users/" + user + "/invitation", null),
                new Route("GET", t + "/users/" + user + "/export", null),
                new Route("DELETE", t + "/users/" + user, null),
                new Route("GET", t + "/audit", null),
                new Route("GET", t + "/deviations", null),
                new Route("GET", t + "/outbox", null),
                new Route("POST", t + "/outbox/abc/retry", null),
                new Route("PATCH", t, "{\"profile\":\"strict\"}"),
                new Route("POST", t + "/admin-keys", null),
                new Route("GET", t + "/admin-keys", null),
                new Route("DELETE", t + "/admin-keys/abc", null),
                new Route("GET", s + "/Users", null),
                new Route("POST", s + "/Users", TestUsers.body("evil@a.example", true)),
                new Route("GET", s + "/Users/" + user, null),
                new Route("PUT", s + "/Users/" + user, TestUsers.body("spelling@a.example", false)),
                new Route("PATCH", s + "/Users/" + user, patch),
                new Route("DELETE", s + "/Users/" + user, null),
                new Route("POST", s + "/Users/.search", "{\"filter\":\"userName pr\"}"),
                new Route("POST", s + "/.search", "{\"filter\":\"userName pr\"}"),
                new Route("GET", s + "/Groups", null),
                new Route("POST", s + "/Groups", GROUP + "\"Evil\"}"),
                new Route("GET", s + "/Groups/" + group, null),
                new Route("PUT", s + "/Groups/" + group, GROUP + "\"Evil\"}"),
                new Route("PATCH", s + "/Groups/" + group, patch),
                new Route("DELETE", s + "/Groups/" + group, null),
                new Route("POST", s + "/Groups/.search", "{\"filter\":\"displayName pr\"}"),
                new Route("GET", s + "/Me", null),
                new Route("POST", s + "/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                        + "\"Operations\":[{\"method\":\"PATCH\",\"path\":\"/Users/" + user + "\",\"data\":" + patch
                        + "},{\"method\":\"DELETE\",\"path\":\"/Groups/" + group + "\"}]}"),
                new Route("GET", s + "/ServiceProviderConfig", null),
                new Route("GET", s + "/Schemas", null),
                new Route("GET", s + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null),
                new Route("GET", s + "/ResourceTypes", null),
                new Route("GET", s + "/ResourceTypes/User", null),
                new Route("GET", "/metrics", null));
    }

    static Stream<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (Route route : routes()) {
            for (String spelling : PathSpellings.of(route.path())) {
                out.add(new Object[] {route.method(), spelling, route.body()});
            }
        }
        return out.stream();
    }

    static Stream<String> healthSpellings() {
        return Stream.of("/health/live", "/health/ready").flatMap(path -> PathSpellings.of(path).stream());
    }

    /** The open health probes say UP, or are not found, whatever the spelling; never more. */
    @ParameterizedTest(name = "GET {0}")
    @MethodSource("healthSpellings")
    void aHealthProbeSaysUpOrIsNotFoundWhateverTheSpelling(String target) {
        RawHttp.Response r = RawHttp.send(fixture.server.port(), "GET", target, null);
        assertThat(r.status()).as("%s -> %s", target, r).isIn(200, 404);
        if (r.status() == 200) {
            assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void noSpellingReachesAProtectedRouteWithoutItsCredential(String method, String target, String body) {
        for (String[] auth : new String[][] {{}, {"Authorization: Bearer " + secretB},
                {"Authorization: Bearer " + adminKeyB}}) {
            RawHttp.Response r = RawHttp.send(fixture.server.port(), method, target, body, auth);
            assertThat(r.status()).as("%s %s %s -> %s", method, target, String.join("", auth), r)
                    // 405: routing found the path but no method for the verb (POST on /Users/{id}), so no
                    // resource ran; RFC 9110 §15.5.6 answers that before any credential is looked at
                    .isIn(401, 404, 405);
            assertThat(r.headers().get("content-type")).as("%s %s", method, target).contains("json");
        }
        assertThat(tenants()).isEqualTo(tenantsBefore);
        assertThat(ServerFixture.json(fixture.send("GET", "/admin/v1/tenants/" + fixture.tenantId,
                ServerFixture.ADMIN_TOKEN, null)).getText("profile")).hasValue("lenient");
        ComplexValue alice = ServerFixture.json(fixture.scim("GET", "/Users/" + user, null));
        assertThat(alice.getText("active")).hasValue("true");
        assertThat(alice.getText("title")).isEmpty();
        assertThat(fixture.scim("GET", "/Groups/" + group, null).statusCode()).isEqualTo(200);
    }
}
