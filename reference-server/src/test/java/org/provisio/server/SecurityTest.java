package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.resource.ComplexValue;
import org.slf4j.LoggerFactory;

/**
 * Authentication and tenant isolation at the HTTP level: every bad credential is the same 401
 * with {@code WWW-Authenticate: Bearer}, a tenant never reaches another tenant's users, and no
 * secret reaches the access log.
 */
class SecurityTest {
    private static final String PATCH_TITLE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Intruder\"}]}";

    private static ServerFixture fixture;
    private static String userA;
    private static String tenantB;
    private static String secretB;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
        userA = TestUsers.id(TestUsers.create(fixture, "alice@a.example", true));
        tenantB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Beta\"}")).getText("id").orElseThrow();
        secretB = issue(tenantB).getText("secretToken").orElseThrow();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ComplexValue issue(String tenant) {
        HttpResponse<String> r = fixture.send("POST", "/admin/v1/tenants/" + tenant + "/credentials",
                ServerFixture.ADMIN_TOKEN, null);
        assertThat(r.statusCode()).isEqualTo(201);
        return ServerFixture.json(r);
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertError(r, 401, null);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWithIgnoringCase("Bearer"));
    }

    /** A request of tenant A's SCIM surface, with the method and body it needs. */
    record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Call> tenantACalls() {
        return Stream.of(
                new Call("GET", "/Users/{a}", null),
                new Call("GET", "/Users", null),
                new Call("GET", "/Users?filter=userName%20eq%20%22alice@a.example%22", null),
                new Call("POST", "/Users/.search", "{\"filter\":\"userName pr\"}"),
                new Call("POST", "/Users", TestUsers.body("mallory@a.example", true)),
                new Call("PATCH", "/Users/{a}", PATCH_TITLE),
                new Call("PUT", "/Users/{a}", TestUsers.body("alice@a.example", false)),
                new Call("DELETE", "/Users/{a}", null),
                new Call("GET", "/ServiceProviderConfig", null),
                new Call("GET", "/Schemas", null));
    }

    /** Header values that are no valid credential of tenant A; null means no header at all. */
    static List<String> badAuthorizations() {
        return List.of("(none)", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()),
                "Bearer", "Bearer ", "Bearer    ", "Bearer garbage", "Bearer scim_nope.nope", "Token {secret}",
                "{secret}", "Bearer {secret} extra", "Bearer {secretB}");
    }

    static Stream<Object[]> badCredentialCases() {
        return tenantACalls().flatMap(call -> badAuthorizations().stream().map(auth -> new Object[]{call, auth}));
    }

    @ParameterizedTest(name = "{0} with Authorization: {1}")
    @MethodSource("badCredentialCases")
    void everyBadCredentialIsThe401(Call call, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.base + fixture.scim()
                        + call.path().replace("{a}", userA)))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()))
                .header("Content-Type", "application/scim+json");
        if (!authorization.equals("(none)")) {
            b.header("Authorization", authorization.replace("{secretB}", secretB).replace("{secret}", fixture.secret));
        }
        assertUnauthorized(send(b.build()));
        // and nothing changed
        assertThat(fixture.scim("GET", "/Users/" + userA, null).statusCode()).isEqualTo(200);
    }

    /**
     * Authentication is decided on the resource routing matched; a path that matches none runs
     * nothing and is 404 with or without a token, whatever tree it is under.
     */
    @Test
    void anUnknownEndpointRunsNothingAndIs404WithOrWithoutAToken() {
        for (String token : new String[]{null, "garbage", fixture.secret, ServerFixture.ADMIN_TOKEN}) {
            assertError(fixture.send("GET", fixture.scim() + "/Nowhere", token, null), 404, null);
            assertError(fixture.send("GET", "/admin/v1/nowhere", token, null), 404, null);
            assertError(fixture.send("POST", "/scim/v2/x/y/z", token, "{}"), 404, null);
        }
    }

    @Test
    void aTenantsOwnUrlNeverReachesAnotherTenantsUser() {
        String b = "/scim/v2/" + tenantB;
        assertError(fixture.send("GET", b + "/Users/" + userA, secretB, null), 404, null);
        assertError(fixture.send("PATCH", b + "/Users/" + userA, secretB, PATCH_TITLE), 404, null);
        assertError(fixture.send("PUT", b + "/Users/" + userA, secretB, TestUsers.body("alice@a.example", false)), 404,
                null);
        assertError(fixture.send("DELETE", b + "/Users/" + userA, secretB, null), 404, null);

        for (String query : List.of("/Users", "/Users?filter=userName%20eq%20%22alice@a.example%22",
                "/Users?filter=id%20eq%20%22" + userA + "%22")) {
            HttpResponse<String> r = fixture.send("GET", b + query, secretB, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(ServerFixture.json(r).getText("totalResults")).as(query).hasValue("0");
        }
        // the same userName is free in tenant B, and stays apart from A's
        ComplexValue twin = ServerFixture.json(fixture.send("POST", b + "/Users", secretB,
                TestUsers.body("alice@a.example", true)));
        assertThat(TestUsers.id(twin)).isNotEqualTo(userA);
        assertError(fixture.scim("GET", "/Users/" + TestUsers.id(twin), null), 404, null);

        ComplexValue a = ServerFixture.json(fixture.scim("GET", "/Users/" + userA, null));
        assertThat(a.getText("title")).isEmpty();
        assertThat(a.getText("active")).hasValue("true");
    }

    @Test
    void aTenantIdThatIsUnknownOrMalformedIs401() {
        for (String tenant : List.of("00000000-0000-0000-0000-000000000000", "not-a-tenant", "..", "%20")) {
            assertUnauthorized(fixture.send("GET", "/scim/v2/" + tenant + "/Users", fixture.secret, null));
        }
    }

    @Test
    void aRevokedTokenIs401AndOtherTokensOfTheTenantKeepWorking() {
        ComplexValue second = issue(fixture.tenantId);
        String secret = second.getText("secretToken").orElseThrow();
        assertThat(fixture.send("GET", fixture.scim() + "/Users/" + userA, secret, null).statusCode()).isEqualTo(200);

        HttpResponse<String> revoke = fixture.send("DELETE", "/admin/v1/tenants/" + fixture.tenantId + "/credentials/"
                + second.getText("tokenId").orElseThrow(), ServerFixture.ADMIN_TOKEN, null);
        assertThat(revoke.statusCode()).isEqualTo(204);

        assertUnauthorized(fixture.send("GET", fixture.scim() + "/Users/" + userA, secret, null));
        assertUnauthorized(fixture.send("GET", fixture.scim() + "/Users", secret, null));
        assertThat(fixture.scim("GET", "/Users/" + userA, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        for (String token : new String[]{null, "", "wrong-admin-token-0123456789", fixture.secret,
                ServerFixture.ADMIN_TOKEN + "x", ServerFixture.ADMIN_TOKEN.substring(1)}) {
            assertUnauthorized(fixture.send("GET", "/admin/v1/tenants", token, null));
            assertUnauthorized(fixture.send("POST", "/admin/v1/tenants", token, "{\"name\":\"Evil\"}"));
            assertUnauthorized(fixture.send("GET", "/admin/v1/tenants/" + fixture.tenantId + "/users", token, null));
            assertUnauthorized(fixture.send("POST", "/admin/v1/tenants/" + fixture.tenantId + "/credentials", token,
                    null));
        }
        HttpResponse<String> basic = send(HttpRequest.newBuilder(URI.create(fixture.base + "/admin/v1/tenants"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + ServerFixture.ADMIN_TOKEN).getBytes())).GET().build());
        assertUnauthorized(basic);
        List<String> names = ServerFixture.json(fixture.send("GET", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN, null))
                .getMulti("tenants").values().stream()
                .map(t -> ((ComplexValue) t).getText("name").orElseThrow()).toList();
        assertThat(names).doesNotContain("Evil");
    }

    @Test
    void noSecretEverReachesALogLine() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            Inbox inbox = new Inbox(fixture);
            ComplexValue credential = issue(fixture.tenantId);
            String secret = credential.getText("secretToken").orElseThrow();
            String id = TestUsers.id(ServerFixture.json(fixture.send("POST", fixture.scim() + "/Users", secret,
                    TestUsers.body("logged@a.example", true))));
            fixture.send("GET", fixture.scim() + "/Users/" + id, secret, null);
            fixture.send("GET", fixture.scim() + "/Users?filter=userName%20eq%20%22logged@a.example%22&token=" + secret,
                    secret, null);
            fixture.send("GET", fixture.scim() + "/Users", secret + "x", null);
            fixture.send("GET", "/scim/v2/" + secret + "/Users", secret, null);
            fixture.send("GET", "/admin/v1/tenants?token=" + ServerFixture.ADMIN_TOKEN, ServerFixture.ADMIN_TOKEN, null);
            fixture.send("GET", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN + "x", null);
            String invitation = inbox.invitationToken(id).orElseThrow();
            assertThat(fixture.send("POST", "/invitations/" + invitation + "/accept", null, null).statusCode())
                    .isEqualTo(200);
            fixture.send("POST", "/invitations/" + invitation + "/accept", null, null);
            fixture.send("POST", "/invitations/" + invitation + "x/accept", null, null);
            fixture.send("GET", "/invitations/" + invitation, null, null);

            List<ILoggingEvent> access = appender.list.stream()
                    .filter(e -> e.getLoggerName().equals("provisio.access")).toList();
            assertThat(access).as("one access line per request").hasSizeGreaterThanOrEqualTo(12);
            for (ILoggingEvent e : appender.list) {
                String line = e.getFormattedMessage() + " " + e.getMDCPropertyMap();
                assertThat(line).as(e.getLoggerName()).doesNotContain(secret, fixture.secret, ServerFixture.ADMIN_TOKEN,
                        secret.substring(secret.indexOf('.') + 1));
                if (e.getLoggerName().equals("provisio.access")) {
                    assertThat(line).doesNotContain(invitation);
                }
            }
        } finally {
            root.detachAppender(appender);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return fixture.http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
