package org.provisio.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;
import org.provisio.server.RawHttp;
import org.provisio.server.ServerFixture;
import org.provisio.server.TestUsers;
import org.slf4j.LoggerFactory;

/**
 * Request ids at the HTTP edge: every answer — success, 401, 404, a SCIM error, an error Grizzly
 * gives itself — carries {@code X-Request-Id}; a well-formed incoming id is kept, anything else is
 * replaced and never echoed; the id is the {@code requestId} of the access line and of the audit
 * entries the request made; and a 4xx access line names its {@code scimType}, never what was sent.
 */
class RequestIdTest {
    private static final Set<Character> ID_CHARACTERS = new HashSet<>();
    private static ServerFixture fixture;
    private ListAppender<ILoggingEvent> access;

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-".toCharArray()) {
            ID_CHARACTERS.add(c);
        }
    }

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void listen() {
        // the MDC of a record is read when it is appended, as the server's queue does
        access = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        };
        access.start();
        ((Logger) LoggerFactory.getLogger("provisio.access")).addAppender(access);
    }

    @AfterEach
    void unlisten() {
        ((Logger) LoggerFactory.getLogger("provisio.access")).detachAppender(access);
    }

    private static boolean wellFormed(String id) {
        return id != null && !id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> ID_CHARACTERS.contains((char) c));
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String requestId) {
        return fixture.send(method, path, token, body, "X-Request-Id", requestId);
    }

    /** The access line of the request {@code id}. */
    private ILoggingEvent accessLine(String id) {
        return access.list.stream().filter(e -> id.equals(e.getMDCPropertyMap().get("requestId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no access line of " + id + " in " + access.list));
    }

    static Stream<String> wellFormedIds() {
        return Stream.of("a", "4bf92f35-77b3-4c1a-9d3e-0e2b1c6f5a10", "01HZX3S6M4TQ", "req:42.retry_1",
                "x".repeat(128));
    }

    @ParameterizedTest
    @MethodSource("wellFormedIds")
    void aWellFormedIdIsKeptOnEveryKindOfAnswer(String id) {
        String user = TestUsers.id(ServerFixture.json(fixture.scim("POST", "/Users",
                TestUsers.body("kept-" + id.length() + "-" + id.hashCode() + "@example.com", true))));
        List<HttpResponse<String>> answers = List.of(
                send("GET", fixture.scim() + "/Users/" + user, fixture.secret, null, id),
                send("GET", fixture.scim() + "/Users", "wrong-token", null, id),
                send("GET", fixture.scim() + "/Users/no-such-user", fixture.secret, null, id),
                send("GET", "/no/such/endpoint", null, null, id),
                send("GET", fixture.scim() + "/Users?filter=userName%20eqq%20%22x%22", fixture.secret, null, id),
                send("PUT", fixture.scim() + "/Users/" + user, fixture.secret, "{not json", id),
                send("GET", "/admin/v1/tenants", "not-the-admin-token", null, id));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 401, 404, 404, 400, 400, 401);
        assertThat(answers).allSatisfy(r -> assertThat(r.headers().allValues("X-Request-Id")).containsExactly(id));
    }

    @Test
    void withoutAnIdEachRequestGetsAFreshOne() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = fixture.scim("GET", "/Users", null);
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(wellFormed(id)).as(id).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(20);
    }

    static Stream<String> malformedHeaderValues() {
        return Stream.of("", "two words", "x".repeat(129), "caf\u00e9", "\u0440\u0435\u043a", "a,b", "id\"quoted\"",
                "<script>", "a%0d%0aSet-Cookie:%20x=1", "tab\there", "a/b", "semi;colon");
    }

    @ParameterizedTest
    @MethodSource("malformedHeaderValues")
    void anythingElseIsReplacedAndNeverEchoed(String sent) {
        byte[] head = ("GET " + fixture.scim() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + fixture.secret + "\r\nX-Request-Id: " + sent + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);

        RawHttp.Response r = RawHttp.exchange(fixture.server.port(), head, new byte[0]);

        assertThat(r.status()).isEqualTo(200);
        String id = r.headers().get("x-request-id");
        assertThat(wellFormed(id)).as(id).isTrue();
        assertThat(id).isNotEqualTo(sent);
        if (!sent.isEmpty()) {
            assertThat(id).doesNotContain(sent);
        }
    }

    @Test
    void carriageReturnsAndLineFoldsNeverReachTheAnswerOrTheLog() {
        List<String> heads = List.of(
                "X-Request-Id: abc\rInjected: yes\r\n",
                "X-Request-Id: abc\r\n folded-Injected: yes\r\n",
                "X-Request-Id: abc\u0000Injected\r\n",
                "X-Request-Id: first\r\nX-Request-Id: second\r\n");
        for (String header : heads) {
            byte[] head = ("GET " + fixture.scim() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + fixture.secret + "\r\n" + header + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);

            RawHttp.Response r = RawHttp.exchange(fixture.server.port(), head, new byte[0]);

            String id = r.headers().get("x-request-id");
            assertThat(wellFormed(id)).as(header + " -> " + id).isTrue();
            assertThat(id).as(header).doesNotContain("Injected", "injected", "first,", "second");
            assertThat(r.headers()).as(header).doesNotContainKeys("injected", "folded-injected");
        }
        assertThat(access.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getMDCPropertyMap())
                .doesNotContain("Injected", "\r", "\n"));
    }

    @Test
    void answersGrizzlyGivesItselfCarryTheIdToo() {
        RawHttp.Response malformedUri = RawHttp.send(fixture.server.port(), "GET", fixture.scim() + "/Users%zz", null,
                "Authorization: Bearer " + fixture.secret, "X-Request-Id: grizzly-400");
        assertThat(malformedUri.status()).isEqualTo(400);
        assertThat(malformedUri.headers().get("x-request-id")).isEqualTo("grizzly-400");

        RawHttp.Response tooLarge = RawHttp.exchange(fixture.server.port(), ("POST " + fixture.scim() + "/Users HTTP/1.1\r\n"
                + "Host: x\r\nConnection: close\r\nContent-Type: application/scim+json\r\nX-Request-Id: grizzly-413\r\n"
                + "Content-Length: 9999999999\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.headers().get("x-request-id")).isEqualTo("grizzly-413");

        RawHttp.Response headersTooLarge = RawHttp.send(fixture.server.port(), "GET", fixture.scim() + "/Users", null,
                "X-Request-Id: bad id", "X-Big: " + "b".repeat(70_000));
        assertThat(headersTooLarge.status()).isEqualTo(431);
        assertThat(wellFormed(headersTooLarge.headers().get("x-request-id"))).isTrue();
    }

    @Test
    void theAuditEntriesOfARequestNameItsId() {
        HttpResponse<String> created = fixture.scim("POST", "/Users", TestUsers.body("audited@example.com", true),
                "X-Request-Id", "audit-create-1");
        String user = TestUsers.id(ServerFixture.json(created));
        fixture.scim("PATCH", "/Users/" + user, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Boss\"}]}", "X-Request-Id", "audit-patch-2");
        HttpResponse<String> issued = send("POST", "/admin/v1/tenants/" + fixture.tenantId + "/credentials",
                ServerFixture.ADMIN_TOKEN, null, "audit-credential-3");
        assertThat(issued.statusCode()).isEqualTo(201);

        List<Value> entries = ServerFixture.json(fixture.send("GET", "/admin/v1/tenants/" + fixture.tenantId
                + "/audit?count=100", ServerFixture.ADMIN_TOKEN, null)).getOrNull("entries") instanceof MultiValue m
                ? m.values() : List.of();
        assertThat(entries).isNotEmpty();
        assertThat(requestIds(entries, "user:" + user, "user_provisioned")).containsExactly("audit-create-1");
        assertThat(requestIds(entries, "user:" + user, "invitation_issued")).containsExactly("audit-create-1");
        assertThat(requestIds(entries, "user:" + user, "user_updated")).containsExactly("audit-patch-2");
        assertThat(entries.stream().map(ComplexValue.class::cast)
                .filter(e -> e.getText("action").orElse("").equals("credential_issued"))
                .map(e -> e.getText("requestId").orElse("none")))
                .contains("audit-credential-3");

        ComplexValue export = ServerFixture.json(fixture.send("GET", "/admin/v1/tenants/" + fixture.tenantId + "/users/"
                + user + "/export", ServerFixture.ADMIN_TOKEN, null));
        List<Value> trail = export.getOrNull("auditTrail") instanceof MultiValue t ? t.values() : List.of();
        assertThat(trail).extracting(e -> ((ComplexValue) e).getText("requestId").orElse("none"))
                .containsExactlyInAnyOrder("audit-patch-2", "audit-create-1", "audit-create-1");
    }

    private static List<String> requestIds(List<Value> entries, String target, String action) {
        return entries.stream().map(ComplexValue.class::cast)
                .filter(e -> e.getText("target").orElse("").equals(target) && e.getText("action").orElse("").equals(action))
                .map(e -> e.getText("requestId").orElse("none")).toList();
    }

    @Test
    void theAccessLineCarriesTheIdAndA4xxItsScimTypeButNeverWhatWasSent() {
        String taken = "zq-taken-9911@example.com";
        fixture.scim("POST", "/Users", TestUsers.body(taken, true), "X-Request-Id", "log-first");
        HttpResponse<String> conflict = fixture.scim("POST", "/Users", TestUsers.body(taken, true),
                "X-Request-Id", "log-uniqueness");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).as("the client hears which value").contains(taken);
        assertThat(fixture.scim("GET", "/Users?filter=" + java.net.URLEncoder.encode("userName eqq \"zq-distinctive-7731\"",
                StandardCharsets.UTF_8), null, "X-Request-Id", "log-filter").statusCode()).isEqualTo(400);
        assertThat(fixture.scim("PATCH", "/Users/nobody", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"zq-maybe-5521\"}]}",
                "X-Request-Id", "log-notfound").statusCode()).isEqualTo(404);
        assertThat(send("GET", fixture.scim() + "/Users", "wrong", null, "log-401").statusCode()).isEqualTo(401);

        assertThat(accessLine("log-first").getFormattedMessage())
                .matches("POST /scim/v2/\\S+/Users 201 \\d+\\.\\dms tenant=\\S+ requestId=log-first");
        assertThat(accessLine("log-uniqueness").getFormattedMessage())
                .endsWith(" 409 " + duration(accessLine("log-uniqueness")) + "ms tenant=" + fixture.tenantId
                        + " scimType=uniqueness requestId=log-uniqueness");
        assertThat(accessLine("log-filter").getFormattedMessage()).contains(" 400 ", " scimType=invalidFilter ");
        assertThat(accessLine("log-notfound").getFormattedMessage()).contains(" 404 ").doesNotContain("scimType");
        assertThat(accessLine("log-401").getFormattedMessage()).contains(" 401 ").doesNotContain("scimType");
        assertThat(access.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(taken, "zq-taken", "zq-distinctive", "zq-maybe", "is taken"));
    }

    @Test
    void aBadValueIsInvalidValueInTheAccessLine() {
        String user = TestUsers.id(ServerFixture.json(fixture.scim("POST", "/Users",
                TestUsers.body("invalid-value@example.com", true))));
        HttpResponse<String> r = fixture.scim("PATCH", "/Users/" + user, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":"
                + "\"active\",\"value\":\"zq-maybe-5521\"}]}", "X-Request-Id", "log-invalid-value");
        assertThat(r.statusCode()).isEqualTo(400);
        String scimType = ServerFixture.json(r).getText("scimType").orElseThrow();

        assertThat(accessLine("log-invalid-value").getFormattedMessage())
                .contains(" scimType=" + scimType + " ").doesNotContain("zq-maybe");
    }

    private static String duration(ILoggingEvent line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" (\\d+\\.\\d)ms ").matcher(line.getFormattedMessage());
        return m.find() ? m.group(1) : "?";
    }
}
