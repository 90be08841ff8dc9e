package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;
import static org.provisio.server.ScimErrors.assertNoLeak;
import static org.provisio.server.ScimErrors.assertScimJson;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.scim.resource.ComplexValue;

/**
 * What a client can get wrong, over real HTTP: each mistake is the right status and
 * {@code scimType} in the SCIM Error JSON, never a 500 and never a stack trace.
 */
class BadInputTest {
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static ServerFixture fixture;
    private static String userId;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
        userId = create("existing.user@example.com").getText("id").orElseThrow();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ComplexValue create(String userName) {
        HttpResponse<String> r = fixture.scim("POST", "/Users", user(userName));
        assertThat(r.statusCode()).isEqualTo(201);
        return ServerFixture.json(r);
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}";
    }

    private static String patch(String operation) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}";
    }

    /** One bad request; {@code {id}} in the path stands for an existing user, {@code scim:} for the tenant's base. */
    record Case(String name, String method, String path, String body, int status, String scimType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String manyEmails = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"many@example.com\","
                + "\"emails\":[" + String.join(",", java.util.Collections.nCopies(101, "{\"value\":\"x@example.com\"}")) + "]}";
        String huge = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"huge@example.com\","
                + "\"nickName\":\"" + "n".repeat(100_001) + "\"}";
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            distinct.append(i == 0 ? "" : ",").append("{\"value\":\"y").append(i).append("@example.com\"}");
        }
        String growEmails = patch("{\"op\":\"add\",\"path\":\"emails\",\"value\":[" + distinct + "]}");
        return Stream.of(
                // one tenant's data must not hurt everyone: a user holds at most 100 values per list, 100,000 characters
                new Case("101 emails", "POST", "scim:/Users", manyEmails, 400, "invalidValue"),
                new Case("a user of over 100,000 characters", "POST", "scim:/Users", huge, 400, "invalidValue"),
                new Case("a PATCH growing emails past 100", "PATCH", "scim:/Users/{id}", growEmails, 400, "invalidValue"),
                new Case("malformed JSON", "POST", "scim:/Users", "{\"userName\":", 400, "invalidSyntax"),
                new Case("trailing garbage", "POST", "scim:/Users", user("t@example.com") + " x", 400, "invalidSyntax"),
                new Case("body is an array", "POST", "scim:/Users", "[" + user("a@example.com") + "]", 400, "invalidSyntax"),
                new Case("body is a string", "POST", "scim:/Users", "\"alice\"", 400, "invalidSyntax"),
                new Case("body is a number", "PUT", "scim:/Users/{id}", "42", 400, "invalidSyntax"),
                new Case("empty body on POST", "POST", "scim:/Users", "", 400, "invalidSyntax"),
                new Case("no body on POST", "POST", "scim:/Users", null, 400, "invalidSyntax"),
                new Case("no body on PATCH", "PATCH", "scim:/Users/{id}", null, 400, "invalidSyntax"),
                new Case("nesting too deep", "POST", "scim:/Users", deep, 400, "invalidSyntax"),
                new Case("unknown endpoint", "GET", "/nowhere", null, 404, null),
                new Case("unknown SCIM endpoint", "GET", "scim:/Widgets", null, 404, null),
                new Case("unknown schema", "GET", "scim:/Schemas/urn:example:nothing", null, 404, null),
                new Case("unknown resource type", "GET", "scim:/ResourceTypes/Widget", null, 404, null),
                new Case("DELETE on the collection", "DELETE", "scim:/Users", null, 405, null),
                new Case("PUT on the collection", "PUT", "scim:/Users", user("p@example.com"), 405, null),
                new Case("POST on a resource", "POST", "scim:/Users/{id}", user("q@example.com"), 405, null),
                new Case("incomplete filter", "GET", "scim:/Users?filter=userName%20eq", null, 400, "invalidFilter"),
                new Case("unknown filter operator", "GET", "scim:/Users?filter=userName%20xx%20%22a%22", null, 400,
                        "invalidFilter"),
                new Case("unbalanced filter", "GET", "scim:/Users?filter=(userName%20eq%20%22a%22", null, 400,
                        "invalidFilter"),
                new Case("invalid filter in .search", "POST", "scim:/Users/.search",
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName eq\"}",
                        400, "invalidFilter"),
                new Case("count=abc", "GET", "scim:/Users?count=abc", null, 400, "invalidValue"),
                new Case("startIndex=abc", "GET", "scim:/Users?startIndex=abc", null, 400, "invalidValue"),
                new Case("sortOrder=sideways", "GET", "scim:/Users?sortBy=userName&sortOrder=sideways", null, 400,
                        "invalidValue"),
                new Case("PATCH with another message schema", "PATCH", "scim:/Users/{id}",
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}", 400,
                        "invalidSyntax"),
                new Case("PATCH without operations", "PATCH", "scim:/Users/{id}",
                        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[]}", 400, "invalidSyntax"),
                new Case("unknown PATCH op", "PATCH", "scim:/Users/{id}",
                        patch("{\"op\":\"frobnicate\",\"path\":\"title\",\"value\":\"x\"}"), 400, "invalidSyntax"),
                new Case("bad PATCH path", "PATCH", "scim:/Users/{id}",
                        patch("{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}"), 400, "invalidPath"),
                new Case("PATCH path not a string", "PATCH", "scim:/Users/{id}",
                        patch("{\"op\":\"replace\",\"path\":7,\"value\":\"x\"}"), 400, "invalidPath"),
                new Case("PATCH of unknown id", "PATCH", "scim:/Users/00000000-0000-0000-0000-000000000000",
                        patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"), 404, null),
                new Case("GET of unknown id", "GET", "scim:/Users/00000000-0000-0000-0000-000000000000", null, 404, null),
                new Case("GET of an id that cannot be one", "GET", "scim:/Users/%20..%20", null, 404, null),
                new Case("PUT of unknown id", "PUT", "scim:/Users/00000000-0000-0000-0000-000000000000",
                        user("nobody@example.com"), 404, null),
                new Case("duplicate userName", "POST", "scim:/Users", user("existing.user@example.com"), 409, "uniqueness"),
                new Case("duplicate userName, other case", "POST", "scim:/Users", user("EXISTING.User@Example.COM"), 409,
                        "uniqueness"),
                new Case("Bulk without its schema", "POST", "scim:/Bulk", "{\"Operations\":[]}", 400, "invalidSyntax"),
                new Case("Bulk operation without method", "POST", "scim:/Bulk",
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                        + "\"Operations\":[{\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{}}]}", 400, "invalidSyntax"),
                new Case("Me", "GET", "scim:/Me", null, 501, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheRightError(Case c) {
        String path = c.path().replace("scim:", fixture.scim()).replace("{id}", userId);
        HttpResponse<String> r = fixture.send(c.method(), path, fixture.secret, c.body());
        assertError(r, c.status(), c.scimType());
    }

    @Test
    void aBodyOverTheLimitIs413WithAndWithoutContentLength() {
        try (ServerFixture small = ServerFixture.with(InMemoryStore.create(), Clock.systemUTC(), 2048)) {
            String big = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"big@example.com\","
                    + "\"title\":\"" + "x".repeat(4096) + "\"}";
            assertError(small.scim("POST", "/Users", big), 413, null);

            byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(small.base + small.scim() + "/Users"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + small.secret)
                    .header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                    .build();
            assertError(send(small, chunked), 413, null);

            String fits = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"fits@example.com\"}";
            assertThat(small.scim("POST", "/Users", fits).statusCode()).isEqualTo(201);
        }
    }

    private static HttpResponse<String> send(ServerFixture f, HttpRequest request) {
        try {
            return f.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void staleIfMatchIs412AndCurrentIfNoneMatchIs304() {
        ComplexValue user = create("etag.user@example.com");
        String id = user.getText("id").orElseThrow();
        HttpResponse<String> get = fixture.scim("GET", "/Users/" + id, null);
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertThat(user.getComplex("meta").flatMap(m -> m.getText("version"))).hasValue(etag);

        String replace = patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Boss\"}");
        HttpResponse<String> patched = fixture.scim("PATCH", "/Users/" + id, replace, "If-Match", etag);
        assertThat(patched.statusCode()).isEqualTo(200);
        String newEtag = patched.headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);

        assertError(fixture.scim("PATCH", "/Users/" + id, replace, "If-Match", etag), 412, null);
        assertError(fixture.scim("PUT", "/Users/" + id, user("etag.user@example.com"), "If-Match", etag), 412, null);
        assertError(fixture.scim("DELETE", "/Users/" + id, null, "If-Match", etag), 412, null);
        assertError(fixture.scim("DELETE", "/Users/" + id, null, "If-Match", "\"not-a-version-of-ours\""), 412, null);

        HttpResponse<String> notModified = fixture.scim("GET", "/Users/" + id, null, "If-None-Match", newEtag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(fixture.scim("GET", "/Users/" + id, null, "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void deletingTwiceIs204Then404() {
        String id = create("twice@example.com").getText("id").orElseThrow();
        HttpResponse<String> first = fixture.scim("DELETE", "/Users/" + id, null);
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.body()).isEmpty();
        assertError(fixture.scim("DELETE", "/Users/" + id, null), 404, null);
        assertError(fixture.scim("GET", "/Users/" + id, null), 404, null);
    }

    /** Request media types and Accept headers clients really send; the answer is always SCIM JSON. */
    record MediaCase(String name, String contentType, String accept) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<MediaCase> mediaCases() {
        return List.of(
                new MediaCase("scim+json, no Accept", "application/scim+json", null),
                new MediaCase("json, no Accept", "application/json", null),
                new MediaCase("json with charset, Accept json", "application/json; charset=utf-8", "application/json"),
                new MediaCase("scim+json, Accept scim+json", "application/scim+json", "application/scim+json"),
                new MediaCase("json, Accept */*", "application/json", "*/*"),
                new MediaCase("json, Accept both", "application/json", "application/scim+json, application/json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaCases")
    void acceptsJsonMediaTypesAndAnswersScimJson(MediaCase c) {
        String userName = "media." + Integer.toHexString(c.name().hashCode()) + "@example.com";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.base + fixture.scim() + "/Users"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + fixture.secret)
                .header("Content-Type", c.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(user(userName)));
        if (c.accept() != null) {
            b.header("Accept", c.accept());
        }
        HttpResponse<String> created = send(fixture, b.build());
        assertThat(created.statusCode()).isEqualTo(201);
        assertScimJson(created);
        ComplexValue body = ServerFixture.json(created);
        assertThat(body.getText("userName")).hasValue(userName);

        String id = body.getText("id").orElseThrow();
        for (String path : List.of("/Users/" + id, "/Users?filter=userName%20eq%20%22" + userName + "%22",
                "/ServiceProviderConfig", "/Schemas", "/ResourceTypes")) {
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(fixture.base + fixture.scim() + path))
                    .header("Authorization", "Bearer " + fixture.secret).GET();
            if (c.accept() != null) {
                get.header("Accept", c.accept());
            }
            HttpResponse<String> r = send(fixture, get.build());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertScimJson(r);
            assertNoLeak(r);
        }
        HttpResponse<String> error = send(fixture, HttpRequest.newBuilder(
                        URI.create(fixture.base + fixture.scim() + "/Users/00000000-0000-0000-0000-000000000000"))
                .header("Authorization", "Bearer " + fixture.secret)
                .header("Accept", c.accept() == null ? "application/json" : c.accept()).GET().build());
        assertError(error, 404, null);
    }

    @Test
    void aFilterWithNoMatchIsAnEmptyListNotA404() {
        HttpResponse<String> r = fixture.scim("GET", "/Users?filter=userName%20eq%20%22"
                + "e3b0c442-98fc-1c14-9afb-f4c8996fb924%22", null);
        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue list = ServerFixture.json(r);
        assertThat(list.getText("totalResults")).hasValue("0");
        assertThat(list.getMulti("Resources").values()).isEmpty();
    }
}
