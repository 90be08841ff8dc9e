package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;
import org.provisio.testkit.MutableClock;

/**
 * RFC 9865 cursor pagination over HTTP, on {@code /Users} and {@code /Groups} and their
 * {@code .search}: the RFC's own examples (Section 2's GET pages, Section 3's POST search, Section
 * 4's ServiceProviderConfig), sorting and filters, {@code attributes}, and every refusal of
 * Section 2.1 — with the domain's clock moved on for an expired cursor.
 */
class CursorPaginationTest {
    private static final Instant T0 = Instant.parse("2025-10-01T09:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    private ServerFixture fixture;
    private final List<String> jNames = new ArrayList<>();

    @BeforeEach
    void start() {
        fixture = ServerFixture.with(InMemoryStore.create(), clock, 1_048_576);
        for (int i = 0; i < 25; i++) {
            String name = (i % 2 == 0 ? "J" : "j") + String.format("%02d", (i * 7) % 25) + "@example.com";
            jNames.add(name);
            create("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name
                    + "\",\"displayName\":\"Smith " + i + "\",\"title\":\"T" + (i % 3) + "\"}");
        }
        for (String other : List.of("alice@example.com", "bob@example.com")) {
            TestUsers.create(fixture, other, true);
        }
        for (int i = 0; i < 7; i++) {
            create("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Team "
                    + (char) ('g' - i) + "\"}");
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void create(String path, String body) {
        HttpResponse<String> r = fixture.scim("POST", path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ComplexValue ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ScimErrors.assertScimJson(r);
        return ServerFixture.json(r);
    }

    private static List<String> texts(ComplexValue list, String attribute) {
        List<String> out = new ArrayList<>();
        for (Value v : list.getMulti("Resources").values()) {
            out.add(((ComplexValue) v).getText(attribute).orElse(null));
        }
        return out;
    }

    /** The two ways of asking for a page: a GET query string, or a POST .search body (RFC 9865 §3). */
    static Stream<Arguments> ways() {
        BiFunction<CursorPaginationTest, String[], HttpResponse<String>> get = (t, p) -> {
            StringBuilder query = new StringBuilder();
            for (int i = 1; i < p.length; i += 2) {
                query.append(query.length() == 0 ? "?" : "&").append(p[i]);
                if (p[i + 1] != null) {
                    query.append('=').append(q(p[i + 1]));
                }
            }
            return t.fixture.scim("GET", p[0] + query, null);
        };
        BiFunction<CursorPaginationTest, String[], HttpResponse<String>> post = (t, p) -> {
            StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]");
            for (int i = 1; i < p.length; i += 2) {
                String value = p[i + 1] == null ? "" : p[i + 1];
                body.append(",\"").append(p[i]).append("\":")
                        .append(p[i].equals("count") ? value : "\"" + value.replace("\"", "\\\"") + "\"");
            }
            return t.fixture.scim("POST", p[0] + "/.search", body.append('}').toString());
        };
        return Stream.of(Arguments.of("GET", get), Arguments.of("POST .search", post));
    }

    /** Every page of a cursor-paged query; {@code params} are name/value pairs, the cursor added per page. */
    private List<ComplexValue> pages(BiFunction<CursorPaginationTest, String[], HttpResponse<String>> way,
                                     String path, String... params) {
        List<ComplexValue> out = new ArrayList<>();
        String cursor = null;
        for (int n = 0; n < 100; n++) {
            String[] request = new String[params.length + 3];
            request[0] = path;
            System.arraycopy(params, 0, request, 1, params.length);
            request[params.length + 1] = "cursor";
            request[params.length + 2] = cursor;
            ComplexValue page = ok(way.apply(this, request));
            out.add(page);
            assertThat(page.getOrNull("startIndex")).as("a cursor page has no startIndex").isNull();
            assertThat(page.getOrNull("previousCursor")).isNull();
            Optional<String> next = page.getText("nextCursor");
            if (next.isEmpty()) {
                return out;
            }
            assertThat(next.get()).matches("[A-Za-z0-9_-]+");
            cursor = next.get();
        }
        throw new AssertionError("no last page");
    }

    /** RFC 9865 §2 and §3: {@code filter=userName sw "J"&cursor&count=10}, then the nextCursor until none. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void theRfcExampleFirstPageThenNextCursorsToTheLast(String way,
                                                        BiFunction<CursorPaginationTest, String[], HttpResponse<String>> send) {
        List<ComplexValue> pages = pages(send, "/Users", "filter", "userName sw \"J\"", "count", "10");

        assertThat(pages).hasSize(3);
        assertThat(pages).allSatisfy(p -> assertThat(p.getText("totalResults")).hasValue("25"));
        assertThat(pages).extracting(p -> p.getText("itemsPerPage").orElseThrow()).containsExactly("10", "10", "5");
        assertThat(pages.get(0).getText("nextCursor")).isPresent();
        assertThat(pages.get(2).getOrNull("nextCursor")).as("omitted only on the last page").isNull();
        List<String> all = new ArrayList<>();
        pages.forEach(p -> all.addAll(texts(p, "userName")));
        assertThat(all).containsExactlyElementsOf(jNames);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ways")
    void groupsPageByCursorToo(String way, BiFunction<CursorPaginationTest, String[], HttpResponse<String>> send) {
        List<ComplexValue> pages = pages(send, "/Groups", "count", "3", "sortBy", "displayName");

        List<String> all = new ArrayList<>();
        pages.forEach(p -> all.addAll(texts(p, "displayName")));
        assertThat(all).containsExactly("Team a", "Team b", "Team c", "Team d", "Team e", "Team f", "Team g");
        assertThat(pages).hasSize(3);
    }

    /** Cursor pages give what one index page of everything gives, in every order and with filters. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "sortBy=userName&sortOrder=descending", "sortBy=title", "sortBy=meta.created",
            "filter=title eq \"T1\"&sortBy=displayName&sortOrder=descending", "filter=userName ew \"example.com\""})
    void cursorPagesAreTheIndexResult(String parameters) {
        String encoded = parameters.isEmpty() ? "" : "&" + parameters.replace(" ", "%20").replace("\"", "%22");
        List<String> expected = texts(ok(fixture.scim("GET", "/Users?count=1000" + encoded, null)), "id");
        List<String> paged = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            ComplexValue page = ok(fixture.scim("GET", "/Users?count=4&cursor=" + cursor + encoded, null));
            paged.addAll(texts(page, "id"));
            cursor = page.getText("nextCursor").orElse(null);
        }
        assertThat(paged).isNotEmpty().containsExactlyElementsOf(expected);
    }

    /** RFC 9865 §3: the example search body with its attributes; the projection applies to each page. */
    @Test
    void theSearchExampleProjectsItsAttributes() {
        ComplexValue first = ok(fixture.scim("POST", "/Users/.search", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"attributes\":[\"displayName\","
                + "\"userName\"],\"filter\":\"displayName sw \\\"smith\\\"\",\"cursor\":\"\",\"count\":10}"));

        assertThat(first.getText("totalResults")).hasValue("25");
        assertThat(first.getText("nextCursor")).isPresent();
        for (Value v : first.getMulti("Resources").values()) {
            assertThat(((ComplexValue) v).names()).containsExactlyInAnyOrder("schemas", "id", "displayName", "userName");
        }
    }

    /** attributes/excludedAttributes change what a page shows, not where it starts: they may differ from page to page. */
    @Test
    void theProjectionMayChangeFromPageToPage() {
        ComplexValue first = ok(fixture.scim("GET", "/Users?cursor&count=5&attributes=userName", null));
        assertThat(((ComplexValue) first.getMulti("Resources").get(0)).names())
                .containsExactlyInAnyOrder("schemas", "id", "userName");

        ComplexValue second = ok(fixture.scim("GET", "/Users?count=5&excludedAttributes=emails,meta&cursor="
                + first.getText("nextCursor").orElseThrow(), null));
        ComplexValue user = (ComplexValue) second.getMulti("Resources").get(0);
        assertThat(user.getOrNull("meta")).isNull();
        assertThat(user.getText("displayName")).isPresent();
        assertThat(texts(second, "userName")).containsExactlyElementsOf(jNames.subList(5, 10));

        ComplexValue groups = ok(fixture.scim("GET", "/Groups?cursor&count=2&excludedAttributes=members", null));
        assertThat(groups.getText("nextCursor")).isPresent();
    }

    /** RFC 9865 §2: count=0 returns only totalResults; the nextCursor leads to the first page. */
    @Test
    void countZeroReportsTheTotalAndCursorsOn() {
        ComplexValue none = ok(fixture.scim("GET", "/Users?cursor&count=0", null));
        assertThat(none.getText("totalResults")).hasValue("27");
        assertThat(none.getMulti("Resources").values()).isEmpty();

        ComplexValue first = ok(fixture.scim("GET", "/Users?count=3&cursor=" + none.getText("nextCursor").orElseThrow(), null));
        assertThat(texts(first, "userName")).containsExactlyElementsOf(jNames.subList(0, 3));
    }

    /** RFC 9865 §2.4: without startIndex or cursor a request is index-paged, as before. */
    @Test
    void withoutCursorPagingIsByIndexAsBefore() {
        ComplexValue page = ok(fixture.scim("GET", "/Users?startIndex=3&count=2", null));
        assertThat(page.getText("startIndex")).hasValue("3");
        assertThat(page.getOrNull("nextCursor")).isNull();
        assertThat(ok(fixture.scim("GET", "/Users", null)).getText("startIndex")).hasValue("1");
    }

    /** RFC 9865 §4: both methods, index the default, the page sizes and the cursor timeout. */
    @Test
    void theServiceProviderConfigAdvertisesPagination() {
        ComplexValue pagination = ok(fixture.scim("GET", "/ServiceProviderConfig", null)).getComplex("pagination")
                .orElseThrow();

        assertThat(pagination.getOrNull("cursor").asText()).isEqualTo("true");
        assertThat(pagination.getOrNull("index").asText()).isEqualTo("true");
        assertThat(pagination.getText("defaultPaginationMethod")).hasValue("index");
        assertThat(pagination.getText("defaultPageSize")).hasValue("100");
        assertThat(pagination.getText("maxPageSize")).hasValue("1000");
        assertThat(pagination.getText("cursorTimeout")).hasValue("3600");
    }

    private String nextCursorOf(String pathAndQuery) {
        return ok(fixture.scim("GET", pathAndQuery, null)).getText("nextCursor").orElseThrow();
    }

    static Stream<Arguments> garbage() {
        return Stream.of(Arguments.of("VZUTiyhEQJ94IR"), Arguments.of("YkU3OF86Pz0rGv"), Arguments.of("x"),
                Arguments.of("%00%01"), Arguments.of("a%20b"), Arguments.of("A".repeat(2000)),
                Arguments.of("%E2%98%83"));
    }

    /** RFC 9865 §2.1 invalidCursor: the RFC's own example cursors (not ours) and other garbage. */
    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsAnInvalidCursor(String cursor) {
        assertError(fixture.scim("GET", "/Users?count=5&cursor=" + cursor, null), 400, "invalidCursor");
        assertError(fixture.scim("GET", "/Groups?count=5&cursor=" + cursor, null), 400, "invalidCursor");
    }

    /** RFC 9865 §2.1 and §5.2: a forged cursor is detected. */
    @Test
    void aTamperedCursorIsInvalid() {
        String cursor = nextCursorOf("/Users?cursor&count=5");
        for (int i = 0; i < cursor.length(); i += 3) {
            String tampered = cursor.substring(0, i) + (cursor.charAt(i) == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
            assertError(fixture.scim("GET", "/Users?count=5&cursor=" + tampered, null), 400, "invalidCursor");
        }
        assertError(fixture.scim("POST", "/Users/.search", "{\"cursor\":\"" + cursor.substring(1) + "\",\"count\":5}"),
                400, "invalidCursor");
        assertError(fixture.scim("POST", "/Users/.search", "{\"cursor\":\"" + "A".repeat(9000) + "\",\"count\":5}"),
                400, "invalidCursor");
    }

    /** RFC 9865 §2: every parameter but the cursor is repeated; a cursor of another query is invalid. */
    @Test
    void aCursorOfAnotherQueryIsInvalid() {
        String cursor = nextCursorOf("/Users?cursor&count=5&filter=userName%20sw%20%22J%22");

        assertError(fixture.scim("GET", "/Users?count=5&cursor=" + cursor, null), 400, "invalidCursor");
        assertError(fixture.scim("GET", "/Users?count=5&sortBy=userName&filter=userName%20sw%20%22J%22&cursor="
                + cursor, null), 400, "invalidCursor");
        assertError(fixture.scim("GET", "/Groups?count=5&filter=userName%20sw%20%22J%22&cursor=" + cursor, null),
                400, "invalidCursor");
        assertThat(ok(fixture.scim("GET", "/Users?count=7&filter=userName%20sw%20%22J%22&cursor=" + cursor, null))
                .getMulti("Resources").size()).as("another count is fine").isEqualTo(7);
    }

    @Test
    void aCursorOfAnotherTenantIsInvalid() {
        String cursor = nextCursorOf("/Users?cursor&count=5");
        String other = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Globex\"}")).getText("id").orElseThrow();
        String secret = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants/" + other + "/credentials",
                ServerFixture.ADMIN_TOKEN, null)).getText("secretToken").orElseThrow();

        assertError(fixture.send("GET", "/scim/v2/" + other + "/Users?count=5&cursor=" + cursor, secret, null), 400,
                "invalidCursor");
    }

    /** RFC 9865 §2.1 expiredCursor: good for cursorTimeout (3600 s) after it was issued, not after. */
    @Test
    void aCursorOlderThanTheTimeoutHasExpired() {
        String cursor = nextCursorOf("/Users?cursor&count=5");
        clock.advance(Duration.ofSeconds(3600));
        String next = nextCursorOf("/Users?count=5&cursor=" + cursor);

        clock.advance(Duration.ofSeconds(3601));
        assertError(fixture.scim("GET", "/Users?count=5&cursor=" + next, null), 400, "expiredCursor");
        assertError(fixture.scim("POST", "/Users/.search", "{\"cursor\":\"" + next + "\",\"count\":5}"), 400,
                "expiredCursor");
    }

    /** RFC 9865 §2.4: a request picks one paging method; cursor with startIndex is refused. */
    @Test
    void cursorWithStartIndexIsRefused() {
        assertError(fixture.scim("GET", "/Users?cursor&startIndex=1", null), 400, "invalidValue");
        assertError(fixture.scim("GET", "/Groups?startIndex=2&cursor=" + nextCursorOf("/Groups?cursor&count=1"), null),
                400, "invalidValue");
        assertError(fixture.scim("POST", "/Users/.search", "{\"cursor\":\"\",\"startIndex\":1}"), 400, "invalidValue");
    }
}
